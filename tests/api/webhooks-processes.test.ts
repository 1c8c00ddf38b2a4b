import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { submission, submitAs, updateAs } from "@/tests/helpers/integrations";
import { withOwnDatabase } from "@/tests/helpers/own-database";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser } from "@/tests/helpers/users";

const exec = promisify(execFile);

// Its own database: the worker processes claim every due delivery in it, other files' too.
withOwnDatabase("webhook_processes");

// Every server process runs the webhook worker: three processes claiming the same deliveries at
// once must send each exactly once, and a submission's events in order.
const seen = new Map<string, number>();
const order: { submission: number; type: string }[] = [];
let receiver: http.Server;
let url: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const id = String(req.headers["webhook-id"]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        type: string;
        data: { submission: { id: number } };
      };
      order.push({ submission: body.data.submission.id, type: body.type });
      // Slow enough that the processes' claims overlap in time.
      setTimeout(() => {
        res.writeHead(204);
        res.end();
      }, 100);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
});
afterAll(() => receiver.close());

describe("webhook deliveries claimed by several processes", () => {
  it("sends each exactly once, a submission's events in order", async () => {
    const owner = await createTestUser();
    const admin = await createTestUser("admin");
    const { POST } = await import("@/app/api/webhooks/route");
    const made = await call(POST, "/api/webhooks", {
      method: "POST",
      headers: owner.headers,
      body: { url, events: ["submission.created", "submission.status_changed"] },
    });
    expect(made.status).toBe(201);
    // Nothing is sent meanwhile: no worker runs in this process.
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = await submitAs(owner, submission({ integrationName: `Flood ${i}` }));
      ids.push(id);
      const moved = await updateAs(admin, id, { status: "completed" });
      expect(moved.status).toBe(200);
    }
    const worker = () =>
      exec("npx", ["tsx", "--conditions=react-server", "tests/helpers/webhook-claimer.ts"], {
        env: { ...process.env, WEBHOOK_ALLOW_PRIVATE_URLS: "true" },
      });
    const outputs = await Promise.all([worker(), worker(), worker()]);
    const sent = outputs.map(({ stdout }) => Number(/sent (\d+)/.exec(stdout)?.[1]));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(40);
    // They really did share the work.
    expect(sent.filter((count) => count > 0).length, `sent per process: ${sent.join(", ")}`).toBeGreaterThan(
      1,
    );

    expect(seen.size).toBe(40);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    for (const id of ids) {
      expect(order.filter((o) => o.submission === id).map((o) => o.type)).toEqual([
        "submission.created",
        "submission.status_changed",
      ]);
    }
    const [{ n }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'delivered' AND submission_id IN (?)",
      [ids],
    )) as [{ n: number }];
    expect(Number(n)).toBe(40);
  }, 60_000);
});

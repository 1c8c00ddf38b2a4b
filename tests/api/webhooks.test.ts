import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { submission, submitAs, updateAs } from "@/tests/helpers/integrations";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";

// A receiver on loopback: it keeps what it is sent and answers `answer` (tests change it).
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let answer = 200;
let receiver: http.Server;
let base: string;
let stopWorker: () => void;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(answer, { "content-type": "text/plain" });
      res.end(answer < 300 ? "thanks" : "<b>receiver down</b>");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Before this file's first env(): the receiver is on a private address.
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  // The receiver stands in for Greenhouse too, for the connection events.
  process.env.INTEGRATION_GREENHOUSE_API_URL = base;
  process.env.INTEGRATION_ALLOW_PRIVATE_URLS = "true";
  stopWorker = (await import("@/lib/webhooks/worker")).startWebhookWorker();
});
afterAll(() => {
  stopWorker();
  receiver.close();
});

const api = async (
  caller: TestUser,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
) => {
  const routes = {
    "/api/webhooks": () => import("@/app/api/webhooks/route"),
    "/api/webhooks/[id]": () => import("@/app/api/webhooks/[id]/route"),
    "/api/webhooks/[id]/test": () => import("@/app/api/webhooks/[id]/test/route"),
    "/api/webhooks/[id]/rotate": () => import("@/app/api/webhooks/[id]/rotate/route"),
    "/api/webhooks/[id]/deliveries": () => import("@/app/api/webhooks/[id]/deliveries/route"),
    "/api/webhooks/[id]/deliveries/[deliveryId]/retry": () =>
      import("@/app/api/webhooks/[id]/deliveries/[deliveryId]/retry/route"),
  } as const;
  const route = path.replace(/\/\d+/g, (_, i: number) =>
    i < 16 ? "/[id]" : "/[deliveryId]",
  ) as keyof typeof routes;
  const handlers = (await routes[route]()) as Record<string, Parameters<typeof call>[0]>;
  return call(handlers[method]!, path, { method, headers: caller.headers, body, params });
};

async function createHook(caller: TestUser, events: string[], extra: Record<string, unknown> = {}) {
  const made = await api(caller, "POST", "/api/webhooks", {
    url: `${base}/hook-${caller.id}`,
    events,
    ...extra,
  });
  expect(made.status, made.text).toBe(201);
  return made.json as { webhook: { id: number }; secret: string };
}

/** Waits until the receiver has what `match` looks for. */
async function until<T>(find: () => T | undefined | Promise<T | undefined>, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error("timed out waiting for a delivery");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const deliveriesTo = (user: TestUser) => received.filter((r) => r.path === `/hook-${user.id}`);
const typeOf = (r: Received) => (JSON.parse(r.body) as { type: string }).type;
const expected = (secret: string, r: Received) =>
  `v1,${createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
    .update(`${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`)
    .digest("base64")}`;

describe("webhooks", () => {
  it("signs each change's event, the item masked, and keeps a submission's events in order", async () => {
    const owner = await createTestUser();
    const admin = await createTestUser("admin");
    const { webhook, secret } = await createHook(owner, ["submission.created", "submission.status_changed"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [stored] = await rawQuery<{ secret: string }>("SELECT secret FROM webhook_endpoints WHERE id = ?", [
      webhook.id,
    ]);
    expect(stored!.secret).not.toContain(secret.slice(6));

    // The receiver is down: the created event fails, and the status change queued after it waits.
    answer = 503;
    const id = await submitAs(owner, submission({ data: { apiKey: "sk_live_never_in_a_webhook_42" } }));
    await until(() => deliveriesTo(owner).find((r) => typeOf(r) === "submission.created"));
    const moved = await updateAs(admin, id, { status: "completed" });
    expect(moved.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(deliveriesTo(owner).map(typeOf)).toEqual(["submission.created"]);

    // Back up, and the retry due now: created first, then the status change.
    answer = 200;
    await rawQuery(
      "UPDATE webhook_deliveries SET next_attempt_at = CURRENT_TIMESTAMP(3) WHERE endpoint_id = ?",
      [webhook.id],
    );
    await until(() => deliveriesTo(owner).find((r) => typeOf(r) === "submission.status_changed"));
    const mine = deliveriesTo(owner);
    expect(mine.map(typeOf)).toEqual([
      "submission.created",
      "submission.created",
      "submission.status_changed",
    ]);
    // The retry is the same message: same id, same body.
    expect(mine[1]!.headers["webhook-id"]).toBe(mine[0]!.headers["webhook-id"]);
    expect(mine[1]!.body).toBe(mine[0]!.body);
    for (const r of mine) {
      expect(r.headers["webhook-signature"]).toBe(expected(secret, r));
      expect(Math.abs(Number(r.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.body).not.toContain("sk_live_never_in_a_webhook_42");
    }
    const changed = JSON.parse(mine[2]!.body) as {
      data: { submission: { id: number; status: string; data: { apiKey: string } }; changes: unknown };
    };
    expect(changed.data.submission).toMatchObject({ id, status: "completed", data: { apiKey: "••••k_42" } });
    expect(changed.data.changes).toEqual({ status: { from: "in_progress", to: "completed" } });

    // Every attempt is in the log, the receiver's body as text.
    const log = await api(owner, "GET", `/api/webhooks/${webhook.id}/deliveries`, undefined, {
      id: String(webhook.id),
    });
    const created = log.json.deliveries.find((x: { type: string }) => x.type === "submission.created");
    expect(created).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 200 });
    expect(created.history.map((h: { responseStatus: number }) => h.responseStatus)).toEqual([200, 503]);
    expect(created.history[1].responseBody).toBe("<b>receiver down</b>");
  });

  it("sends an endpoint only the events of submissions its owner may see; an admin's 'all' gets every one", async () => {
    const [alice, bob, admin] = [
      await createTestUser(),
      await createTestUser(),
      await createTestUser("admin"),
    ];
    await createHook(bob, ["submission.created"]);
    await createHook(admin, ["submission.created"], { scope: "all" });
    expect(
      (
        await api(alice, "POST", "/api/webhooks", {
          url: `${base}/x`,
          events: ["submission.created"],
          scope: "all",
        })
      ).status,
    ).toBe(403);
    const id = await submitAs(alice, submission());
    await until(() => deliveriesTo(admin).find((r) => JSON.parse(r.body).data.submission.id === id));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(deliveriesTo(bob).some((r) => JSON.parse(r.body).data.submission.id === id)).toBe(false);
  });

  it("sends a turned-off endpoint nothing: new changes queue nothing, waiting events wait for it", async () => {
    const owner = await createTestUser();
    const { webhook } = await createHook(owner, ["submission.created", "submission.updated"]);
    const toggle = (enabled: boolean) =>
      api(owner, "PATCH", `/api/webhooks/${webhook.id}`, { enabled }, { id: String(webhook.id) });
    // An event queued while it was on, then the endpoint turned off before the worker's turn.
    answer = 503;
    const first = await submitAs(owner, submission());
    await until(() => deliveriesTo(owner).find((r) => JSON.parse(r.body).data.submission.id === first));
    expect((await toggle(false)).status).toBe(200);
    answer = 200;
    await rawQuery(
      "UPDATE webhook_deliveries SET next_attempt_at = CURRENT_TIMESTAMP(3) WHERE endpoint_id = ?",
      [webhook.id],
    );
    const second = await submitAs(owner, submission());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(deliveriesTo(owner)).toHaveLength(1);
    const queued = await rawQuery<{ submission_id: number; status: string }>(
      "SELECT submission_id, status FROM webhook_deliveries WHERE endpoint_id = ?",
      [webhook.id],
    );
    expect(queued).toEqual([{ submission_id: first, status: "pending" }]);
    // On again: the waiting one goes out; the change made while it was off never does.
    expect((await toggle(true)).status).toBe(200);
    await until(() => (deliveriesTo(owner).length === 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(deliveriesTo(owner).map((r) => JSON.parse(r.body).data.submission.id)).toEqual([first, first]);
    expect(deliveriesTo(owner).some((r) => JSON.parse(r.body).data.submission.id === second)).toBe(false);
  });

  it("sends a test event now, retries by hand, rotates with both signatures for a day, and hides from strangers", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const { webhook, secret } = await createHook(owner, ["webhook.test"]);
    const params = { id: String(webhook.id) };

    answer = 500;
    const failed = await api(owner, "POST", `/api/webhooks/${webhook.id}/test`, undefined, params);
    expect(failed.status).toBe(202);
    expect(failed.json.delivery).toMatchObject({
      delivered: false,
      responseStatus: 500,
      error: "Answered 500",
    });
    answer = 200;
    const retried = await api(
      owner,
      "POST",
      `/api/webhooks/${webhook.id}/deliveries/${failed.json.delivery.deliveryId}/retry`,
      undefined,
      { ...params, deliveryId: String(failed.json.delivery.deliveryId) },
    );
    expect(retried.status).toBe(202);
    await until(() => (deliveriesTo(owner).length >= 2 ? true : undefined));

    const rotated = await api(owner, "POST", `/api/webhooks/${webhook.id}/rotate`, undefined, params);
    expect(rotated.status).toBe(201);
    const sent = await api(owner, "POST", `/api/webhooks/${webhook.id}/test`, undefined, params);
    expect(sent.json.delivery).toMatchObject({ delivered: true, responseStatus: 200 });
    const last = deliveriesTo(owner).at(-1)!;
    expect(typeOf(last)).toBe("webhook.test");
    expect(last.headers["webhook-signature"]).toBe(
      `${expected(rotated.json.secret, last)} ${expected(secret, last)}`,
    );

    for (const [method, path] of [
      ["GET", `/api/webhooks/${webhook.id}`],
      ["PATCH", `/api/webhooks/${webhook.id}`],
      ["DELETE", `/api/webhooks/${webhook.id}`],
      ["POST", `/api/webhooks/${webhook.id}/test`],
      ["GET", `/api/webhooks/${webhook.id}/deliveries`],
    ] as const) {
      const refused = await api(
        stranger,
        method,
        path,
        method === "PATCH" ? { enabled: false } : undefined,
        params,
      );
      expect(refused.status, `${method} ${path}`).toBe(404);
    }
    const listed = await api(stranger, "GET", "/api/webhooks");
    expect(listed.json.webhooks).toEqual([]);
  });

  it("reports a connection that changes state, and not one that stays as it was", async () => {
    const owner = await createTestUser();
    await createHook(owner, ["connection.status_changed"]);
    const id = await submitAs(
      owner,
      submission({
        integrationType: "greenhouse",
        integrationName: "Greenhouse",
        data: { harvestApiKey: "gh_key_1" },
      }),
    );
    const { testStored } = await import("@/tests/helpers/connections");
    answer = 200;
    expect((await testStored(owner, id)).json.connection.status).toBe("ok");
    const event = await until(() =>
      deliveriesTo(owner).find((r) => typeOf(r) === "connection.status_changed"),
    );
    expect(JSON.parse(event.body).data).toMatchObject({
      submission: { id, connection: { status: "ok" } },
      changes: { connection: { from: "untested", to: "ok" } },
    });
    // Tested again with the same answer: no event.
    await testStored(owner, id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(deliveriesTo(owner).filter((r) => typeOf(r) === "connection.status_changed")).toHaveLength(1);
  });

  it("turns an endpoint off after 20 deliveries in a row failed for a day, not after 20 failed attempts", async () => {
    const owner = await createTestUser();
    const { webhook } = await createHook(owner, ["webhook.test"]);
    await rawQuery("UPDATE webhook_endpoints SET failures = 19 WHERE id = ?", [webhook.id]);
    const endpoint = () =>
      rawQuery<{ enabled: number; failures: number }>(
        "SELECT enabled, failures FROM webhook_endpoints WHERE id = ?",
        [webhook.id],
      ).then((rows) => rows[0]);
    // A failed attempt is retried later and is not a failed delivery: the run stays at 19.
    answer = 502;
    await api(owner, "POST", `/api/webhooks/${webhook.id}/test`, undefined, { id: String(webhook.id) });
    expect(await endpoint()).toMatchObject({ enabled: 1, failures: 19 });
    // Its retry a day later fails again: now the delivery failed, the 20th in a row.
    await rawQuery(
      "UPDATE webhook_deliveries SET created_at = CURRENT_TIMESTAMP(3) - INTERVAL 25 HOUR, next_attempt_at = CURRENT_TIMESTAMP(3) WHERE endpoint_id = ?",
      [webhook.id],
    );
    await until(async () => ((await endpoint())?.enabled === 0 ? true : undefined));
    answer = 200;
    expect(await endpoint()).toMatchObject({ enabled: 0, failures: 20 });
    const [failed] = await rawQuery<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM webhook_deliveries WHERE endpoint_id = ?",
      [webhook.id],
    );
    expect(failed).toEqual({ status: "failed", attempts: 2 });
    const mails = await rawQuery<{ template: string; props: { lastError: string } }>(
      "SELECT template, props FROM email_outbox WHERE recipient = ? AND template = 'webhook_disabled'",
      [owner.email],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.props.lastError).toBe("Answered 502");
    // Finished deliveries are purged after 30 days; waiting ones never.
    const held = () => rawQuery("SELECT id FROM webhook_deliveries WHERE endpoint_id = ?", [webhook.id]);
    await rawQuery(
      "UPDATE webhook_deliveries SET status = 'pending', created_at = CURRENT_TIMESTAMP(3) - INTERVAL 31 DAY WHERE endpoint_id = ?",
      [webhook.id],
    );
    const { purgeOldDeliveries } = await import("@/lib/webhooks/deliveries");
    await purgeOldDeliveries(1_000);
    expect(await held()).toHaveLength(1);
    await rawQuery("UPDATE webhook_deliveries SET status = 'failed' WHERE endpoint_id = ?", [webhook.id]);
    expect(await purgeOldDeliveries(1_000)).toBeGreaterThanOrEqual(1);
    expect(await held()).toEqual([]);
    // Turned on again: the count starts afresh.
    const on = await api(
      owner,
      "PATCH",
      `/api/webhooks/${webhook.id}`,
      { enabled: true },
      { id: String(webhook.id) },
    );
    expect(on.json.webhook).toMatchObject({ enabled: true, failures: 0 });
  });
});

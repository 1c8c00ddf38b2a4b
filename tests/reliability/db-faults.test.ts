import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { startLocalServer, type LocalServer } from "@/lib/database/local-server";
import { call } from "../helpers/call";
import { submission } from "../helpers/integrations";
import type { TestUser } from "../helpers/users";
import { freePort } from "@/scripts/free-port";

// The database is a server of this test's own, on a spare port, so it can be killed mid-load
// and brought back.
const dataDir = mkdtempSync(path.join(tmpdir(), "ih-faults-"));
let port: number;
let server: LocalServer;
let url: string;
let user: TestUser;

beforeAll(async () => {
  port = await freePort();
  server = await startLocalServer({ dataDir, port });
  url = withDatabase(server.url, "ih_faults");
  await createDatabase(url);
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  const { createTestUser } = await import("../helpers/users");
  user = await createTestUser();
}, 90_000);

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 90_000);

const submit = async () =>
  call((await import("@/app/api/integrations/submit/route")).POST, "/api/integrations/submit", {
    headers: user.headers,
    body: submission(),
  });
const health = async () => call((await import("@/app/api/health/route")).GET, "/api/health");

describe("the database going away mid-load", () => {
  it("answers 503 quickly while it is gone, recovers by itself when it is back, and loses no acknowledged write", async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await submit();
      expect(response.status).toBe(201);
      acknowledged.push(response.json.id);
    }

    // Killed while every pooled connection is busy under a query.
    const { pool } = await import("@/db");
    const busy = Array.from({ length: 10 }, () =>
      pool()
        .query("SELECT SLEEP(30)")
        .catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 300));
    process.kill(server.pid, "SIGKILL");
    await server.stop();
    await Promise.all(busy);

    for (const request of [submit, health, submit]) {
      const started = Date.now();
      const response = await request();
      expect(response.status).toBe(503);
      expect(response.json).toMatchObject({ success: false, code: "db_unavailable" });
      expect(Date.now() - started).toBeLessThan(5_000);
    }

    server = await startLocalServer({ dataDir, port });
    const deadline = Date.now() + 15_000;
    let recovered = await submit();
    while (recovered.status !== 201 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = await submit();
    }
    expect(recovered.status).toBe(201);
    acknowledged.push(recovered.json.id);
    // Every later request works: no connection that died mid-query is handed out again.
    for (let i = 0; i < 20; i++) {
      const response = await submit();
      expect(response.status).toBe(201);
      acknowledged.push(response.json.id);
    }
    expect((await health()).status).toBe(200);

    const { rawQuery } = await import("../helpers/raw-db");
    const rows = await rawQuery<{ id: number }>("SELECT id FROM integration_submissions WHERE id IN (?)", [
      acknowledged,
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
  }, 90_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { withOwnDatabase } from "@/tests/helpers/own-database";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { submitAs, updateAs } from "@/tests/helpers/integrations";
import { listResponse } from "@/lib/integrations/api-responses";

withOwnDatabase("lists");

const all = async (user: TestUser, query = "") =>
  call((await import("@/app/api/integrations/all/route")).GET, `/api/integrations/all${query}`, {
    headers: user.headers,
  });
const mine = async (user: TestUser, query = "") =>
  call((await import("@/app/api/integrations/route")).GET, `/api/integrations${query}`, {
    headers: user.headers,
  });

let admin: TestUser;
let alice: TestUser;
let bob: TestUser;

const TYPES = ["jobadder", "lever", "workday"];
const STATUSES = ["pending", "in_progress", "completed", "failed"];

beforeAll(async () => {
  admin = await createTestUser("admin");
  alice = await createTestUser("user");
  bob = await createTestUser("user");
  for (let i = 0; i < 24; i++) {
    await submitAs(i % 3 === 0 ? bob : alice, {
      integrationType: TYPES[i % 3],
      integrationName: `Name ${String.fromCharCode(97 + (i % 7))}`,
      status: STATUSES[i % 4],
      data: { apiKey: `secret-value-${i}-abcd`, n: i },
    });
  }
  await submitAs(alice, { integrationName: "100% real_deal", integrationType: "custom" });
  // Few distinct timestamps, so every sort has ties that only the id breaks.
  await rawQuery(
    "UPDATE integration_submissions SET submitted_at = '2024-01-01 00:00:00' + INTERVAL (id % 4) HOUR, updated_at = '2024-02-01 00:00:00' + INTERVAL (id % 3) DAY",
  );
});

describe("GET /api/integrations/all", () => {
  it("is for admins only", async () => {
    expect((await all(alice)).status).toBe(403);
    expect(
      (await call((await import("@/app/api/integrations/all/route")).GET, "/api/integrations/all")).status,
    ).toBe(401);
  });

  it("lists every submission, masked, newest first, with the total count", async () => {
    const response = await all(admin);
    expect(response.status).toBe(200);
    const page = listResponse.parse(response.json);
    expect(page.count).toBe(25);
    expect(page.integrations).toHaveLength(25);
    expect(page.nextCursor).toBeNull();
    expect(JSON.stringify(page)).not.toContain("secret-value");
    expect(page.integrations[0]!.data.apiKey).toMatch(/^••••/);
    const expected = await rawQuery<{ id: number }>(
      "SELECT id FROM integration_submissions ORDER BY submitted_at DESC, id DESC",
    );
    expect(page.integrations.map((i) => i.id)).toEqual(expected.map((r) => r.id));
  });

  it("filters by status (one or several), type, owner and search text, counting all matches", async () => {
    const check = async (query: string, where: string, params: unknown[] = []) => {
      const response = await all(admin, `${query}&limit=2`);
      expect(response.status, query).toBe(200);
      const [{ n }] = (await rawQuery<{ n: number }>(
        `SELECT COUNT(*) AS n FROM integration_submissions WHERE ${where}`,
        params,
      )) as [{ n: number }];
      expect(response.json.count, query).toBe(Number(n));
      expect(response.json.integrations.length).toBe(Math.min(2, Number(n)));
    };
    await check("?status=pending", "status = 'pending'");
    await check("?status=pending,failed", "status IN ('pending', 'failed')");
    await check("?type=lever", "integration_type = 'lever'");
    await check("?type=lever&status=in_progress", "integration_type = 'lever' AND status = 'in_progress'");
    await check(`?userId=${bob.id}`, "user_id = ?", [bob.id]);
    await check(`?userId=${encodeURIComponent(bob.email)}`, "user_id = ?", [bob.id]);
    await check("?q=NAME%20C", "integration_name LIKE '%name c%'");
    const emailPart = alice.email.split("@")[0]!.slice(-6);
    await check(`?q=${emailPart}`, "user_email LIKE ?", [`%${emailPart}%`]);
    await check("?q=100%25", "integration_name = '100% real_deal'");
    await check("?q=e_a", "id = 0");
    await check("?userId=nobody%40example.test", "id = 0");
  });

  it("sorts by each key in both directions with the id breaking ties", async () => {
    const columns = {
      submittedAt: "submitted_at",
      updatedAt: "updated_at",
      status: "status",
      integrationName: "integration_name",
      userEmail: "user_email",
    };
    for (const [key, column] of Object.entries(columns)) {
      for (const direction of ["ASC", "DESC"]) {
        const response = await all(admin, `?sort=${direction === "DESC" ? "-" : ""}${key}`);
        const expected = await rawQuery<{ id: number }>(
          `SELECT id FROM integration_submissions ORDER BY ${column} ${direction}, id ${direction}`,
        );
        expect(
          response.json.integrations.map((i: { id: number }) => i.id),
          `${direction} ${key}`,
        ).toEqual(expected.map((r) => r.id));
      }
    }
  });

  it("pages with the cursor through every row exactly once while rows are added between pages", async () => {
    for (const sort of [
      "-submittedAt",
      "submittedAt",
      "status",
      "-integrationName",
      "userEmail",
      "-updatedAt",
    ]) {
      const before = await rawQuery<{ id: number }>("SELECT id FROM integration_submissions");
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const response = await all(admin, `?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ""}`);
        expect(response.status).toBe(200);
        const page = listResponse.parse(response.json);
        seen.push(...page.integrations.map((i) => i.id));
        cursor = page.nextCursor;
        await submitAs(bob, { integrationName: `Added during ${sort}` });
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const { id } of before) expect(seen, `${sort} misses ${id}`).toContain(id);
    }
  });

  it("pages back with prevCursor through exactly the pages it paged forward", async () => {
    for (const query of [
      "sort=-submittedAt",
      "sort=status",
      "sort=-integrationName&status=pending,failed",
      "sort=userEmail&q=name",
    ]) {
      const forward: number[][] = [];
      const prev: (string | null)[] = [];
      let cursor: string | null = null;
      do {
        const page = listResponse.parse(
          (await all(admin, `?${query}&limit=3${cursor ? `&cursor=${cursor}` : ""}`)).json,
        );
        forward.push(page.integrations.map((i) => i.id));
        prev.push(page.prevCursor);
        cursor = page.nextCursor;
      } while (cursor);
      expect(forward.length, query).toBeGreaterThan(2);
      expect(prev[0], query).toBeNull();
      // From the last page back to the first, each step gives the page before, cursors and all.
      let back = prev.at(-1)!;
      for (let n = forward.length - 2; n >= 0; n--) {
        const response = await all(admin, `?${query}&limit=3&cursor=${back}`);
        expect(response.status, query).toBe(200);
        const page = listResponse.parse(response.json);
        expect(
          page.integrations.map((i) => i.id),
          `${query} page ${n}`,
        ).toEqual(forward[n]);
        expect(page.nextCursor, `${query} page ${n}`).not.toBeNull();
        if (n === 0) expect(page.prevCursor, query).toBeNull();
        else back = page.prevCursor!;
      }
    }
  });

  it("steps back onto a full first page even after rows left the filter", async () => {
    const list = async (cursor?: string | null) =>
      listResponse.parse(
        (await all(admin, `?status=pending&limit=3${cursor ? `&cursor=${cursor}` : ""}`)).json,
      );
    const first = await list();
    const second = await list(first.nextCursor);
    // An admin completes a row of the first page: only two pending rows remain before the second.
    const moved = first.integrations[0]!.id;
    const update = await updateAs(admin, moved, { status: "completed" });
    expect(update.status).toBe(200);
    const back = await list(second.prevCursor);
    expect(back.prevCursor).toBeNull();
    expect(back.integrations).toHaveLength(3);
    expect(back.integrations.map((i) => i.id)).toEqual((await list()).integrations.map((i) => i.id));
    expect(back.integrations.map((i) => i.id)).not.toContain(moved);
  });

  it("answers 400 for a bad limit, sort, status or cursor", async () => {
    const first = await all(admin, "?limit=3");
    const cursor: string = first.json.nextCursor;
    const [body, mac] = cursor.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: "2099-01-01T00:00:00.000Z", i: 1 })).toString("base64url");
    for (const query of [
      "?limit=0",
      "?limit=1001",
      "?limit=abc",
      "?limit=1.5",
      "?limit=-1",
      "?limit=",
      "?sort=id",
      "?sort=--status",
      "?status=done",
      "?status=pending,",
      "?type=Bad%20Type",
      "?userId=x",
      "?cursor=garbage",
      `?cursor=${body}`,
      `?cursor=${forged}.${mac}`,
      `?cursor=${body}.${mac}x`,
      `?sort=status&cursor=${cursor}`,
      `?status=pending&cursor=${cursor}`,
      // Lists that are empty before any row is read still check the cursor.
      `?q=no-such-text-anywhere&cursor=${cursor}`,
      `?userId=nobody%40example.com&cursor=${cursor}`,
      "?q=no-such-text-anywhere&cursor=AA==",
    ]) {
      const response = await all(admin, query);
      expect(response.status, query).toBe(400);
      expect(response.json.code, query).toBe("validation_failed");
      expect(response.json.details.length, query).toBeGreaterThan(0);
    }
  });

  it("defaults to 100 per page and allows up to 1000", async () => {
    expect((await all(admin, "?limit=1000")).status).toBe(200);
    expect((await all(admin, "?limit=1")).json.integrations).toHaveLength(1);
  });
});

describe("GET /api/integrations", () => {
  it("lists only the caller's own submissions, ignoring a userId parameter", async () => {
    const response = await mine(bob, `?userId=${alice.id}&limit=1000`);
    expect(response.status).toBe(200);
    const page = listResponse.parse(response.json);
    expect(page.count).toBeGreaterThan(0);
    expect(page.integrations.every((i) => i.userId === bob.id && i.userEmail === bob.email)).toBe(true);
    const [{ n }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_submissions WHERE user_id = ?",
      [bob.id],
    )) as [{ n: number }];
    expect(page.count).toBe(Number(n));
  });

  it("does not accept a cursor from another caller's list", async () => {
    const adminPage = await all(admin, "?limit=1");
    const response = await mine(bob, `?limit=1&cursor=${adminPage.json.nextCursor}`);
    expect(response.status).toBe(400);
    expect((await mine(alice)).status).toBe(200);
  });
});

describe("date range filter", () => {
  it("keeps submissions from the start of `from` to the end of `to`, in UTC, and validates the dates", async () => {
    const ids = (
      await rawQuery<{ id: number }>("SELECT id FROM integration_submissions ORDER BY id LIMIT 3")
    ).map((r) => r.id);
    await rawQuery("UPDATE integration_submissions SET submitted_at = ? WHERE id = ?", [
      "2030-03-01 00:00:00.000",
      ids[0],
    ]);
    await rawQuery("UPDATE integration_submissions SET submitted_at = ? WHERE id = ?", [
      "2030-03-02 23:59:59.999",
      ids[1],
    ]);
    await rawQuery("UPDATE integration_submissions SET submitted_at = ? WHERE id = ?", [
      "2030-03-03 00:00:00.000",
      ids[2],
    ]);
    const { json } = await all(admin, "?from=2030-03-01&to=2030-03-02");
    expect(json.integrations.map((i: { id: number }) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(json.count).toBe(2);
    const bad = await all(admin, "?from=March");
    expect(bad).toMatchObject({ status: 400, json: { details: [{ field: "from" }] } });
  });
});

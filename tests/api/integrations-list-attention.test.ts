import { beforeAll, describe, expect, it } from "vitest";
import { listResponse } from "@/lib/integrations/api-responses";
import { call } from "@/tests/helpers/call";
import { submitAs } from "@/tests/helpers/integrations";
import { withOwnDatabase } from "@/tests/helpers/own-database";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";

// Its own database: it counts every row that needs attention.
withOwnDatabase("attention");

const all = async (user: TestUser, query: string) =>
  call((await import("@/app/api/integrations/all/route")).GET, `/api/integrations/all${query}`, {
    headers: user.headers,
  });

let admin: TestUser;
const attention = new Set<number>();
const CONNECTIONS = [null, "ok", "failed", "needs_reauth", null, "ok"];
const STATUSES = ["pending", "in_progress", "completed", "failed"];

beforeAll(async () => {
  admin = await createTestUser("admin");
  const owner = await createTestUser();
  for (let i = 0; i < 60; i++) {
    const id = await submitAs(owner, {
      integrationType: "greenhouse",
      integrationName: `Greenhouse ${i % 5}`,
      status: STATUSES[i % 4],
      data: { harvestApiKey: `key-${i}` },
    });
    const connection = CONNECTIONS[i % CONNECTIONS.length];
    if (connection) {
      await rawQuery(
        "UPDATE integration_submissions SET connection_status = ?, connection_checked_at = CURRENT_TIMESTAMP(3), connection_message = 'checked' WHERE id = ?",
        [connection, id],
      );
    }
    if (connection === "failed" || connection === "needs_reauth") attention.add(id);
  }
  // Ties on every sort key, so paging must break them by id.
  await rawQuery(
    "UPDATE integration_submissions SET submitted_at = '2024-01-01' + INTERVAL (id % 3) HOUR, updated_at = '2024-02-01' + INTERVAL (id % 2) DAY",
  );
});

/** Every page of a list, following nextCursor, then back from the end by prevCursor. */
async function walk(query: string) {
  const forward: number[] = [];
  let counted = 0;
  let cursor: string | null = null;
  let last;
  do {
    last = listResponse.parse(
      (await all(admin, `${query}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json,
    );
    counted = last.count;
    forward.push(...last.integrations.map((item) => item.id));
    cursor = last.nextCursor;
  } while (cursor);
  const backward: number[] = [];
  for (let back = last.prevCursor, page = last; back; back = page.prevCursor) {
    page = listResponse.parse((await all(admin, `${query}&limit=7&cursor=${encodeURIComponent(back)}`)).json);
    backward.unshift(...page.integrations.map((item) => item.id));
  }
  return { forward, backward, counted, lastPage: last.integrations.map((item) => item.id) };
}

describe("the connections that need attention", () => {
  it("lists exactly the failed and needs_reauth ones, in every order, both ways, with their count", async () => {
    for (const sort of ["-submittedAt", "updatedAt", "status", "-integrationName", "userEmail"]) {
      const { forward, backward, counted, lastPage } = await walk(`?connection=attention&sort=${sort}`);
      expect(new Set(forward), sort).toEqual(attention);
      expect(forward, sort).toHaveLength(attention.size);
      expect(counted, sort).toBe(attention.size);
      expect([...backward, ...lastPage], sort).toEqual(forward);
    }
  });

  it("combines with the other filters, and each item says how its connection stands", async () => {
    const page = listResponse.parse(
      (await all(admin, "?connection=attention&status=failed&q=Greenhouse 2")).json,
    );
    expect(page.integrations.length).toBeGreaterThan(0);
    for (const item of page.integrations) {
      expect(["failed", "needs_reauth"]).toContain(item.connection.status);
      expect(item.status).toBe("failed");
      expect(item.integrationName).toBe("Greenhouse 2");
    }
    expect(page.count).toBe(page.integrations.length);
  });

  it("reads only the attention rows through their index", async () => {
    const { listQueries } = await import("@/lib/integrations/list-query");
    const { listQuery } = await import("@/lib/integrations/schemas");
    const { db } = await import("@/db");
    const queries = await listQueries(
      { all: true },
      listQuery.parse({ connection: "attention", sort: "-updatedAt" }),
    );
    const [plan] = (await db().execute(
      // The EXPLAIN of the page's id statement.
      (await import("drizzle-orm")).sql`explain ${queries!.idQuery(undefined, 50)}`,
    )) as unknown as [{ key: string | null; rows: number }[]];
    expect(plan[0]!.key).toBe("is_connection_idx");
    expect(Number(plan[0]!.rows)).toBeLessThanOrEqual(attention.size + 5);
  });

  it("is counted on the dashboard from the same index", async () => {
    const { attentionCount } = await import("@/lib/integrations/overview");
    expect(await attentionCount()).toBe(attention.size);
  });

  it("refuses an unknown connection filter", async () => {
    const refused = await all(admin, "?connection=broken");
    expect(refused.status).toBe(400);
    expect(refused.json.details[0].field).toBe("connection");
  });
});

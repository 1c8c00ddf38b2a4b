import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { withOwnDatabase } from "@/tests/helpers/own-database";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { listResponse } from "@/lib/integrations/api-responses";
import { sortKeys } from "@/lib/integrations/schemas";

// Every way the list reads a page (lib/integrations/list-plan.ts) lists exactly what the plain
// query would. On 15,000 rows of the demo seed a search of several owners' emails is merged from
// their ranges, a sparse filter sorted from a small range, a status and a type checked by probes
// into other indexes; each filter × sort is paged three pages on and one back and compared with
// ORDER BY … LIMIT over the same WHERE. Counts rows: its own database.
withOwnDatabase("list_plans");

let admin: TestUser;
let owner: number;
/** A status and a type the owner's last submission has: the seed starts at a random row. */
let ownerRow: { status: string; type: string };

beforeAll(async () => {
  const { seed } = await import("@/lib/demo/seed");
  await seed({ rows: 15_000 });
  admin = await createTestUser("admin");
  const [row] = await rawQuery<{ user_id: number; status: string; integration_type: string }>(
    "SELECT user_id, status, integration_type FROM integration_submissions ORDER BY id DESC LIMIT 1",
  );
  owner = row!.user_id;
  ownerRow = { status: row!.status, type: row!.integration_type };
}, 60_000);

const LIMIT = 10;
const COLUMNS: Record<string, string> = {
  submittedAt: "submitted_at",
  updatedAt: "updated_at",
  status: "status",
  integrationName: "integration_name",
  userEmail: "user_email",
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const SEARCH = "(integration_name LIKE ? OR integration_type LIKE ? OR user_email LIKE ?)";

/** The filter as the API takes it, and as plain SQL. */
const FILTERS: Record<string, () => [Record<string, string>, string, unknown[]]> = {
  none: () => [{}, "TRUE", []],
  status: () => [{ status: "pending" }, "status = 'pending'", []],
  statuses: () => [{ status: "pending,failed" }, "status IN ('pending', 'failed')", []],
  type: () => [{ type: "lever" }, "integration_type = 'lever'", []],
  owner: () => [{ userId: String(owner) }, "user_id = ?", [owner]],
  "status + type": () => [
    { status: "failed", type: "greenhouse" },
    "status = 'failed' AND integration_type = 'greenhouse'",
    [],
  ],
  "owner + status": () => [
    { userId: String(owner), status: "failed" },
    "user_id = ? AND status = 'failed'",
    [owner],
  ],
  "last 7 days": () => [
    { from: day(-7), to: day(0) },
    "submitted_at >= ? AND submitted_at < ?",
    [`${day(-7)} 00:00:00`, `${day(1)} 00:00:00`],
  ],
  ...Object.fromEntries(
    ["user01", "user1", "user007@", "example", "Green"].map((q) => [
      `search ${q}`,
      () => [{ q }, SEARCH, [`%${q}%`, `%${q}%`, `%${q}%`]],
    ]),
  ),
  "search + status + type": () => [
    { q: "user1", status: "failed", type: "lever" },
    `${SEARCH} AND status = 'failed' AND integration_type = 'lever'`,
    ["%user1%", "%user1%", "%user1%"],
  ],
};

const list = async (params: Record<string, string>) => {
  const { GET } = await import("@/app/api/integrations/all/route");
  const response = await call(
    GET,
    `/api/integrations/all?${new URLSearchParams({ ...params, limit: String(LIMIT) })}`,
    {
      headers: admin.headers,
    },
  );
  expect(response.status, JSON.stringify(params)).toBe(200);
  return listResponse.parse(response.json);
};

describe("list plans", () => {
  it("include every kind: merged ranges, a sorted range, a list of ranges, probes, rows read for a search", async () => {
    const { listQueries } = await import("@/lib/integrations/list-query");
    const { listQuery } = await import("@/lib/integrations/schemas");
    const plan = async (params: Record<string, string>) =>
      (await listQueries({ all: true }, listQuery.parse({ ...params, limit: String(LIMIT) })))!.plan;
    expect(await plan({ q: "user01" })).toMatchObject({ sorted: false, exact: true, parts: { length: 10 } });
    expect(await plan({ userId: String(owner), ...ownerRow })).toMatchObject({
      sorted: true,
    });
    expect(await plan({ q: "user01", sort: "userEmail" })).toMatchObject({
      index: "is_email_idx",
      shape: ["userEmail"],
    });
    expect(await plan({ status: "failed", type: "greenhouse", sort: "-userEmail" })).toMatchObject({
      index: "is_type_email_idx",
      probes: [{ column: "status", index: "is_status_idx" }],
      onRow: false,
    });
    expect(await plan({ q: "user1", status: "failed", type: "lever" })).toMatchObject({
      probes: { length: 1 },
      onRow: true,
    });
  });

  for (const [name, filter] of Object.entries(FILTERS)) {
    it(`filter ${name}: every sort pages exactly the plain query's rows, forward and back, with its count`, async () => {
      const [params, where, values] = filter();
      const [{ n }] = (await rawQuery<{ n: number }>(
        `SELECT COUNT(*) AS n FROM integration_submissions WHERE ${where}`,
        values,
      )) as [{ n: number }];
      for (const key of sortKeys) {
        for (const direction of ["ASC", "DESC"]) {
          const sort = `${direction === "DESC" ? "-" : ""}${key}`;
          const expected = (
            await rawQuery<{ id: number }>(
              `SELECT id FROM integration_submissions WHERE ${where} ORDER BY ${COLUMNS[key]} ${direction}, id ${direction} LIMIT ${3 * LIMIT}`,
              values,
            )
          ).map((row) => Number(row.id));
          const pages = [await list({ ...params, sort })];
          for (let i = 1; i < 3 && pages.at(-1)!.nextCursor; i++)
            pages.push(await list({ ...params, sort, cursor: pages.at(-1)!.nextCursor! }));
          const what = `${name}, sort ${sort}`;
          expect(pages[0]!.count, what).toBe(Number(n));
          expect(
            pages.flatMap((page) => page.integrations.map((row) => row.id)),
            what,
          ).toEqual(expected);
          const last = pages.at(-1)!;
          if (pages.length > 1) {
            const back = await list({ ...params, sort, cursor: last.prevCursor! });
            expect(
              back.integrations.map((row) => row.id),
              `${what}, back`,
            ).toEqual(pages.at(-2)!.integrations.map((row) => row.id));
          }
        }
      }
    });
  }
});

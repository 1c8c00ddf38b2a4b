import { beforeAll, describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/tests/helpers/own-database";
import { rawQuery } from "@/tests/helpers/raw-db";
import { listQuery, sortKeys } from "@/lib/integrations/schemas";

withOwnDatabase("explain");

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: number | string;
  Extra: string | null;
}

let someUserId: number;

beforeAll(async () => {
  const { seed } = await import("@/lib/demo/seed");
  await seed({ rows: 50_000 });
  await rawQuery("ANALYZE TABLE integration_submissions");
  const [row] = await rawQuery<{ user_id: number }>("SELECT user_id FROM integration_submissions LIMIT 1");
  someUserId = row!.user_id;
}, 120_000);

async function plan(
  params: Record<string, string>,
  scope: { all: true } | { userId: number } = { all: true },
) {
  const { listQueries } = await import("@/lib/integrations/list-query");
  const queries = await listQueries(scope, listQuery.parse(params));
  const { sql, params: values } = queries!.page.toSQL();
  return rawQuery<PlanRow>(`EXPLAIN ${sql}`, values);
}

const FILTERS: Record<string, () => Record<string, string>> = {
  none: () => ({}),
  status: () => ({ status: "pending" }),
  statuses: () => ({ status: "pending,failed" }),
  type: () => ({ type: "lever" }),
  owner: () => ({ userId: String(someUserId) }),
  search: () => ({ q: "lever" }),
};

// The second page's cursors, forward and backward, so the plans checked are those of every
// later page too, in both directions.
async function withCursors(params: Record<string, string>) {
  const { listIntegrations } = await import("@/lib/integrations/list-query");
  const first = await listIntegrations({ all: true }, listQuery.parse({ ...params, limit: "50" }));
  expect(first.nextCursor).not.toBeNull();
  const second = await listIntegrations({ all: true }, listQuery.parse({ ...params, limit: "50", cursor: first.nextCursor! }));
  expect(second.prevCursor).not.toBeNull();
  return [first.nextCursor!, second.prevCursor!].map((cursor) => ({ ...params, cursor }));
}

describe("list query plans on 50k rows", () => {
  for (const [name, filter] of Object.entries(FILTERS)) {
    for (const key of sortKeys) {
      for (const sort of [key, `-${key}`]) {
        it(`filter ${name}, sort ${sort}: reads an index${sort === "-submittedAt" ? ", no filesort, no full scan" : ""}`, async () => {
          const [next, prev] = await withCursors({ ...filter(), sort });
          for (const params of [{ ...filter(), sort }, next!, prev!]) {
            const rows = await plan(params);
            expect(rows).toHaveLength(1);
            const [row] = rows as [PlanRow];
            expect(row.key, JSON.stringify(row)).not.toBeNull();
            if (sort === "-submittedAt") {
              expect(row.type).not.toBe("ALL");
              // Going back from page 2 the optimizer may sort the few hundred rows left before it
              // rather than walk an index; forward, never.
              if (params !== prev) expect(row.Extra ?? "").not.toContain("filesort");
              else if ((row.Extra ?? "").includes("filesort")) expect(Number(row.rows), JSON.stringify(row)).toBeLessThan(1_000);
            }
          }
        });
      }
    }
  }

  it("reads correlated filter and sort pairs (type/name, owner/email) through their own index", async () => {
    for (const sort of ["integrationName", "-integrationName"]) {
      const [row] = (await plan({ type: "lever", sort })) as [PlanRow];
      expect(row.key).toBe("is_type_name_idx");
      expect(row.Extra ?? "").not.toContain("filesort");
    }
    for (const sort of ["userEmail", "-userEmail"]) {
      const [row] = (await plan({ userId: String(someUserId), sort })) as [PlanRow];
      expect(row.key).toBe("is_user_email_idx");
      expect(row.Extra ?? "").not.toContain("filesort");
    }
  });

  it("reads the owner's own list through the owner's index with no filesort", async () => {
    for (const sort of ["-submittedAt", "submittedAt", "-updatedAt"]) {
      const [row] = (await plan({ sort }, { userId: someUserId })) as [PlanRow];
      expect(row.key).toMatch(/^is_user_/);
      expect(row.Extra ?? "").not.toContain("filesort");
    }
  });

  it("narrows a search to the index ranges of the groups it matches instead of walking the table", async () => {
    // One owner's address: that owner's index range (~250 of 50k rows).
    const [byOwner] = (await plan({ q: "user007@" })) as [PlanRow];
    expect(byOwner.key, JSON.stringify(byOwner)).toMatch(/^is_user_/);
    expect(Number(byOwner.rows)).toBeLessThan(1_000);
    // A name sorted by name: that name's range, in order, not the whole name index.
    for (const sort of ["integrationName", "-integrationName"]) {
      const [byName] = (await plan({ q: "lever", sort })) as [PlanRow];
      expect(byName.type, JSON.stringify(byName)).toBe("range");
      expect(Number(byName.rows)).toBeLessThan(12_500);
      expect(byName.Extra ?? "").not.toContain("filesort");
    }
    // Every row matches (every address has the domain): nothing to narrow, the name index in order.
    for (const sort of ["integrationName", "-integrationName"]) {
      const [everyone] = (await plan({ q: "example", sort })) as [PlanRow];
      expect(everyone.key, JSON.stringify(everyone)).toBe("is_name_idx");
      expect(everyone.Extra ?? "").not.toContain("filesort");
    }
    // No match: no page query at all.
    const { listQueries } = await import("@/lib/integrations/list-query");
    expect(await listQueries({ all: true }, listQuery.parse({ q: "matches-nothing" }))).toBeNull();
  });

  it("never walks the name or email index for a type or owner it follows from (columns the optimizer takes as independent)", async () => {
    for (const sort of ["integrationName", "-integrationName"]) {
      const filters: Record<string, string>[] = [{ type: "greenhouse", status: "failed" }, { q: "greenhouse", status: "failed" }];
      for (const params of filters) {
        const [row] = (await plan({ ...params, sort })) as [PlanRow];
        expect(row.key, JSON.stringify([params, row])).not.toBe("is_name_idx");
        expect(row.type).not.toBe("ALL");
      }
    }
    for (const sort of ["userEmail", "-userEmail"]) {
      const [row] = (await plan({ userId: String(someUserId), status: "failed", sort })) as [PlanRow];
      expect(row.key, JSON.stringify(row)).not.toBe("is_email_idx");
      const typedFilters: Record<string, string>[] = [{ type: "greenhouse", status: "failed" }, { q: "greenhouse", status: "failed" }];
      for (const params of typedFilters) {
        const [typed] = (await plan({ ...params, sort })) as [PlanRow];
        expect(typed.key, JSON.stringify([params, typed])).toBe("is_type_email_idx");
        expect(typed.Extra ?? "").not.toContain("filesort");
      }
    }
  });
});

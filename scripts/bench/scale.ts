// npm run bench:scale [-- --rows N --iterations N]: seeds N rows (default a million) into a
// throwaway database and times every list query the API can make – each filter × each sort, the
// first page, a page near the end, and the count – through lib/integrations/list-query itself,
// recording each query's EXPLAIN.
import type { RowDataPacket } from "mysql2";
import { fail, option, run } from "../cli";
import { benchEnvironment, seedRows, withBenchDatabase } from "./database";
import { fixed, percentile, printTable, writeResult } from "./report";

const TARGET_P95_MS = 50;
// Each query runs `iterations` times, but stops early once this much time went by (a full scan
// at a million rows takes seconds, and the matrix has ~130 queries).
const BUDGET_MS = 1_500;
const MIN_SAMPLES = 3;
// The deep page starts this many rows before the end of the result.
const TAIL = 200;

type Params = Record<string, string>;

interface Timing {
  p50: number;
  p95: number;
  samples: number;
}

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: number;
  Extra: string | null;
}

async function timed(iterations: number, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // untimed: warms the pool connection and this query's pages
  const samples: number[] = [];
  const until = performance.now() + BUDGET_MS;
  while (samples.length < iterations && (samples.length < MIN_SAMPLES || performance.now() < until)) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

const flip = (sort: string) => (sort.startsWith("-") ? sort.slice(1) : `-${sort}`);

run(async () => {
  const rows = Number(option("rows") ?? 1_000_000);
  const iterations = Number(option("iterations") ?? 20);
  if (!Number.isInteger(rows) || rows < 1_000) fail("--rows takes a whole number of at least 1000.");
  if (!Number.isInteger(iterations) || iterations < MIN_SAMPLES || iterations > 1_000) {
    fail(`--iterations takes a whole number from ${MIN_SAMPLES} to 1000.`);
  }

  await withBenchDatabase("scale", async (url) => {
    Object.assign(process.env, benchEnvironment(url));
    console.log(`Seeding ${rows.toLocaleString("en")} submissions …`);
    await seedRows(rows);

    const { pool, closeDb } = await import("@/db");
    const { listIntegrations, listQueries } = await import("@/lib/integrations/list-query");
    const { encodeCursor } = await import("@/lib/integrations/keyset-cursor");
    const { listQuery, sortKeys } = await import("@/lib/integrations/schemas");
    try {
      await pool().query("ANALYZE TABLE integration_submissions");
      const [[owner]] = await pool().query<({ user_id: number } & RowDataPacket)[]>(
        "SELECT user_id FROM integration_submissions ORDER BY id DESC LIMIT 1",
      );
      const filters: Record<string, Params> = {
        none: {},
        status: { status: "pending" },
        statuses: { status: "pending,failed" },
        type: { type: "lever" },
        owner: { userId: String(owner!.user_id) },
        "status + type": { status: "failed", type: "greenhouse" },
        "owner + status": { userId: String(owner!.user_id), status: "failed" },
        search: { q: "lever" },
        "search (one owner's email)": { q: "user007@" },
        "search (every email)": { q: "example" },
        "search + status": { q: "greenhouse", status: "failed" },
      };
      const sorts = sortKeys.flatMap((key) => [`-${key}`, key]);
      const all = { all: true } as const;

      const explain = async (query: { toSQL(): { sql: string; params: unknown[] } }) => {
        const { sql, params } = query.toSQL();
        const [plan] = await pool().query<(PlanRow & RowDataPacket)[]>(`EXPLAIN ${sql}`, params);
        return {
          sql,
          plan: plan.map(({ table, type, key, rows: estimate, Extra }) => ({
            table,
            type,
            key,
            rows: estimate,
            Extra,
          })),
        };
      };
      const queriesFor = async (params: Params) => (await listQueries(all, listQuery.parse(params)))!;

      const results = [];
      const counts = [];
      for (const [filter, params] of Object.entries(filters)) {
        const base = await queriesFor(params);
        counts.push({
          filter,
          count: await timed(iterations, () => base.total()),
          countFrom: base.countFrom,
          // COUNT(*) runs only for date filters; its plan shows what the count tables save.
          explain: await explain(base.count),
        });
        for (const sort of sorts) {
          const first = await queriesFor({ ...params, sort });
          // A page near the end without walking there: the TAIL-th row from the end is the first
          // page of the reverse order's last row, and a cursor after it is what paging would reach.
          const tail = await listIntegrations(
            all,
            listQuery.parse({ ...params, sort: flip(sort), limit: String(TAIL) }),
          );
          const last = tail.integrations.at(-1);
          const cursor = last
            ? encodeCursor({ value: last[first.sort], id: last.id }, first.context)
            : undefined;
          const deep = await queriesFor({ ...params, sort, ...(cursor ? { cursor } : {}) });
          // prevCursor at the same row: the page before it, read by walking the index backward.
          const back = last
            ? encodeCursor({ value: last[first.sort], id: last.id, backward: true }, first.context)
            : undefined;
          const deepBack = await queriesFor({ ...params, sort, ...(back ? { cursor: back } : {}) });
          const result = {
            filter,
            sort,
            firstPage: await timed(iterations, () => first.page),
            deepPage: await timed(iterations, () => deep.page),
            deepPageBack: await timed(iterations, () => deepBack.page),
            listWithCount: await timed(iterations, () =>
              listIntegrations(all, listQuery.parse({ ...params, sort })),
            ),
            explain: {
              firstPage: await explain(first.page),
              deepPage: await explain(deep.page),
              deepPageBack: await explain(deepBack.page),
            },
          };
          results.push(result);
          process.stdout.write(".");
        }
      }
      console.log("\n");

      const mark = (t: Timing) => `${fixed(t.p50)} / ${fixed(t.p95)}${t.p95 < TARGET_P95_MS ? "" : " ✖"}`;
      printTable(
        ["filter", "sort", "first page p50/p95 ms", "deep page p50/p95 ms", "deep page back p50/p95 ms", "page+count (API) p50/p95 ms"],
        results.map((r) => [r.filter, r.sort, mark(r.firstPage), mark(r.deepPage), mark(r.deepPageBack), mark(r.listWithCount)]),
      );
      console.log("");
      printTable(
        ["filter", "count (API) p50/p95 ms", "from", "COUNT(*) plan, for comparison"],
        counts.map((c) => [
          c.filter,
          mark(c.count),
          c.countFrom,
          c.explain.plan.map((p) => `${p.type} ${p.key ?? "-"} ~${p.rows} ${p.Extra ?? ""}`).join("; "),
        ]),
      );
      const slow = [
        ...results.flatMap((r) => [r.firstPage, r.deepPage, r.deepPageBack, r.listWithCount]),
        ...counts.map((c) => c.count),
      ].filter((t) => t.p95 >= TARGET_P95_MS).length;
      console.log(
        `\n${slow} of ${results.length * 4 + counts.length} timings at or over ${TARGET_P95_MS} ms p95.`,
      );
      const file = await writeResult("scale", {
        rows,
        iterations,
        budgetMs: BUDGET_MS,
        at: new Date().toISOString(),
        counts,
        results,
      });
      console.log(`Result and every EXPLAIN: ${file}`);
    } finally {
      await closeDb();
    }
  });
});

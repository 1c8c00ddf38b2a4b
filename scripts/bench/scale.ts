// npm run bench:scale [-- --rows N --iterations N --database ih_bench_NAME --no-http --reuse-build]:
// every list variant a client can ask for (scale-variants.ts: the filters, search terms among
// them, × every sort) at a million rows, walked the way a client pages (scale-walk.ts), timed
// in-process through lib/integrations/list-query and then through the HTTP API of the production
// build (scale-http.ts), with each variant's plan and EXPLAIN recorded. Seeds a throwaway database
// and drops it; --database seeds the named one only if it is empty and keeps it, for the next run.
// Statistics are left as seeding leaves them (no ANALYZE TABLE): a client's database has no
// fresher ones, and the plans must not depend on them.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { RowDataPacket } from "mysql2";
import { createDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { ensureServer } from "@/lib/database/ensure";
import { fail, hasFlag, option, run } from "../cli";
import { benchEnvironment, seedRows, withBenchDatabase } from "./database";
import { fixed, printTable, writeResult } from "./report";
import { httpFetcher, startApp } from "./scale-http";
import { filters, flip, PAGE_SIZE, TAIL, TARGET_P95_MS, type Params } from "./scale-variants";
import { timeWalks, type Deep, type Fetcher, type Timing, type WalkTimings } from "./scale-walk";

interface Variant {
  filter: string;
  sort: string;
  params: Params;
  plan: string;
  explain: unknown;
  deep: Deep;
  inProcess?: WalkTimings;
  http?: WalkTimings;
}

/** A kept database: created and migrated if need be, never dropped. */
async function keptDatabase(name: string, work: (url: string) => Promise<void>): Promise<void> {
  if (!/^ih_bench_\w+$/.test(name))
    fail("--database takes a name starting with ih_bench_ (one this script may fill and keep).");
  const server = process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/integrations";
  const url = withDatabase(server, name);
  await ensureServer(server, console.log);
  await createDatabase(url);
  await migrateDatabase(url);
  await work(url);
}

run(async () => {
  const rows = Number(option("rows") ?? 1_000_000);
  const iterations = Number(option("iterations") ?? 10);
  const kept = option("database");
  if (!Number.isInteger(rows) || rows < 1_000) fail("--rows takes a whole number of at least 1000.");
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 1_000)
    fail("--iterations takes a whole number from 1 to 1000.");

  const onDatabase = kept
    ? (work: (url: string) => Promise<void>) => keptDatabase(kept, work)
    : (work: (url: string) => Promise<void>) => withBenchDatabase("scale", work);
  await onDatabase(async (url) => {
    // A kept database's rows stay readable on the next run: its key follows from its name.
    const environment = {
      ...benchEnvironment(url),
      ...(kept && { DATA_ENCRYPTION_KEY: `bench:${createHash("sha256").update(kept).digest("base64")}` }),
    };
    Object.assign(process.env, environment);
    const { db, pool, closeDb } = await import("@/db");
    const { listIntegrations, listQueries } = await import("@/lib/integrations/list-query");
    const { encodeCursor } = await import("@/lib/integrations/keyset-cursor");
    const { listQuery, sortKeys } = await import("@/lib/integrations/schemas");
    const { AppError } = await import("@/lib/http/errors");
    try {
      const [[held]] = await pool().query<({ n: number } & RowDataPacket)[]>(
        "SELECT COUNT(*) AS n FROM integration_submissions",
      );
      if (held!.n === 0) {
        console.log(`Seeding ${rows.toLocaleString("en")} submissions …`);
        await seedRows(rows);
      } else console.log(`Using the ${held!.n.toLocaleString("en")} submissions already in ${kept}.`);
      const [[owner]] = await pool().query<({ user_id: number } & RowDataPacket)[]>(
        "SELECT user_id FROM integration_submissions ORDER BY id DESC LIMIT 1",
      );
      const all = { all: true } as const;
      const parse = (params: Params) => listQuery.parse(params);
      /** The page, or the narrowing hint's text in its place. */
      const pageOrHint = async (params: Params) => {
        try {
          return await listIntegrations(all, parse(params));
        } catch (error) {
          if (error instanceof AppError && error.code === "search_too_broad") return error.message;
          throw error;
        }
      };
      const inProcess: Fetcher = async (params) => {
        const page = await pageOrHint(params);
        return typeof page === "string" ? { nextCursor: null, prevCursor: null, hint: page } : page;
      };

      const variants: Variant[] = [];
      for (const [filter, base] of Object.entries(filters(owner!.user_id))) {
        for (const sort of sortKeys.flatMap((key) => [`-${key}`, key])) {
          const params = { ...base, sort };
          const queries = await listQueries(all, parse({ ...params, limit: String(PAGE_SIZE) }));
          const plan = queries?.plan;
          const [explain] = queries
            ? ((await db().execute(sql`EXPLAIN ${queries.idQuery(undefined, PAGE_SIZE)}`)) as unknown as [
                unknown,
              ])
            : [null];
          // A page near the end without walking there: the TAIL-th row from the end is the last row
          // of the reverse order's first page, and a cursor at it is what paging would reach.
          const deep: Deep = {};
          const tail = queries && (await pageOrHint({ ...params, sort: flip(sort), limit: String(TAIL) }));
          const last = typeof tail === "object" ? tail?.integrations.at(-1) : undefined;
          if (queries && last) {
            const at = { value: last[queries.sort], id: last.id };
            deep.forward = encodeCursor(at, queries.context);
            deep.back = encodeCursor({ ...at, backward: true }, queries.context);
          }
          variants.push({
            filter,
            sort,
            params,
            plan: plan
              ? `${plan.index} ×${plan.parts.length}${plan.sorted ? " sorted" : ""}${plan.exact ? " exact" : ""} ~${Math.round(plan.cost)}`
              : "empty",
            explain,
            deep,
            inProcess: await timeWalks(inProcess, params, deep, iterations),
          });
          process.stdout.write(".");
        }
      }
      console.log("\n");
      report("In-process (lib/integrations/list-query)", variants, "inProcess");

      if (!hasFlag("no-http")) {
        const app = await startApp(environment, hasFlag("reuse-build"));
        try {
          const page = await httpFetcher(app);
          for (const variant of variants) {
            variant.http = await timeWalks(page, variant.params, variant.deep, iterations);
            process.stdout.write(".");
          }
          console.log("\n");
          report("HTTP (GET /api/integrations/all, production build)", variants, "http");
        } finally {
          await app.stop();
        }
      }
      const file = await writeResult("scale", {
        rows: held!.n || rows,
        iterations,
        at: new Date().toISOString(),
        variants,
      });
      console.log(`Result and every EXPLAIN: ${file}`);
    } finally {
      await closeDb();
    }
  });
});

const mark = (t: Timing | undefined) => (t ? `${fixed(t.p95)}${t.p95 < TARGET_P95_MS ? "" : " ✖"}` : "–");
const worst = (timings: (Timing | undefined)[]) =>
  timings
    .filter((t): t is Timing => t !== undefined)
    .reduce<Timing | undefined>((a, b) => (a && a.p95 >= b.p95 ? a : b), undefined);

function report(title: string, variants: Variant[], mode: "inProcess" | "http") {
  console.log(`${title}: p95 ms per step (${TARGET_P95_MS} ms target), p50/p95 over the whole walk\n`);
  printTable(
    ["filter", "sort", "plan", "first", "next 1-3", "back", "deep", "deep back", "walk p50/p95"],
    variants.map((v) => {
      const walk = v[mode]!;
      const s = walk.steps;
      return [
        v.filter,
        v.sort,
        v.plan,
        mark(s.first),
        mark(worst([s["next 1"], s["next 2"], s["next 3"]])),
        mark(s.back),
        mark(s.deep),
        mark(s["deep back"]),
        walk.hint ? "narrowing hint" : `${fixed(walk.all.p50)} / ${fixed(walk.all.p95)}`,
      ];
    }),
  );
  const slow = variants.filter((v) => Object.values(v[mode]!.steps).some((t) => t.p95 >= TARGET_P95_MS));
  console.log(
    `\n${slow.length} of ${variants.length} variants have a step at or over ${TARGET_P95_MS} ms p95.\n`,
  );
}

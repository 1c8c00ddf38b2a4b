// npm run bench [-- --rows N --duration S --connections C --rounds R --only S2,S5 --no-build
// --cpu-prof --smoke]: builds the app, serves it with `next start` on a seeded throwaway database next to raw-server.ts, and loads
// each scenario on the app, on the raw server and on the liveness route in turn, round after
// round, so that both baselines see the same machine noise as the app. Prints the table and
// writes .data/bench/load-<timestamp>.json. With --cpu-prof only the app is loaded, and it writes
// a V8 CPU profile into .data/bench/profiles when it stops (read it with scripts/bench/profile.ts).
// --smoke (CI) checks the harness, not speed, in seconds: 1,000 rows, one 1-second round at 4
// connections, the production build already in .next when there is one; any non-2xx fails it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RowDataPacket } from "mysql2/promise";
import { fail, hasFlag, option, run } from "../cli";
import { freePort } from "../free-port";
import { productionNodeOptions } from "../production-node";
import { apiToken, sessionCookie } from "./credentials";
import { ADMIN, benchEnvironment, seedRows, withBenchDatabase } from "./database";
import { liveness, measure, scenarios, type Measurement, type RequestSpec } from "./scenarios";
import { startServer, type Server } from "./server";
import { printSummary, summarize, type Round } from "./summary";
import { RESULTS_DIR, writeResult } from "./report";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
// Its own build directory: see next.config.mjs.
const DIST = { BENCH_DIST_DIR: path.join(".data", "bench", "next") };
const WARMUP_SECONDS = 2;
const RSS_EVERY_MS = 250;
const MAIL_DRAIN_TIMEOUT_MS = 120_000;

function whole(name: string, fallback: number, min: number, max: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`--${name} takes a whole number from ${min} to ${max}.`);
  return value;
}

/** Peak RSS per server while a label is set: which scenario drove memory where. */
function rssSampler(servers: Server[]) {
  const peaks: Record<string, Record<string, number>> = {};
  let label: string | undefined;
  const timer = setInterval(() => {
    const current = label;
    if (!current) return;
    for (const server of servers) {
      void server.rssMiB().then((mib) => {
        const byServer = (peaks[current] ??= {});
        byServer[server.name] = Math.max(byServer[server.name] ?? 0, mib);
      });
    }
  }, RSS_EVERY_MS);
  return {
    peaks,
    label: (next: string | undefined) => (label = next),
    stop: () => clearInterval(timer),
  };
}

run(async () => {
  const smoke = hasFlag("smoke");
  const rows = whole("rows", smoke ? 1_000 : 100_000, 1_000, 2_000_000);
  const duration = whole("duration", smoke ? 1 : 5, 1, 60);
  const connections = whole("connections", smoke ? 4 : 32, 1, 256);
  const rounds = whole("rounds", smoke ? 1 : 3, 1, 10);
  const warmupSeconds = smoke ? 1 : WARMUP_SECONDS;
  // .next holds whatever `next build` made last (npm test makes one); a benchmark builds its own.
  const reuseBuild = smoke && existsSync(path.join(".next", "BUILD_ID"));
  const dist = reuseBuild ? {} : DIST;
  const only = option("only")?.split(",");
  if (only?.some((id) => !/^S[1-6]$/.test(id))) fail("--only takes a comma list of S1 … S6.");
  const profile = hasFlag("cpu-prof")
    ? ["--cpu-prof", "--cpu-prof-dir", path.join(RESULTS_DIR, "profiles")]
    : [];

  await withBenchDatabase("load", async (url) => {
    const environment = benchEnvironment(url);
    Object.assign(process.env, environment);
    console.log(`Seeding ${rows.toLocaleString("en")} submissions …`);
    await seedRows(rows);
    const { pool, closeDb } = await import("@/db");
    const query = async <T>(sql: string) => (await pool().query<(T & RowDataPacket)[]>(sql))[0][0] as T;
    try {
      const ids = await query<{ min: number; max: number }>(
        "SELECT MIN(id) AS min, MAX(id) AS max FROM integration_submissions",
      );
      const mariadb = await query<{ version: string }>("SELECT VERSION() AS version");

      if (!hasFlag("no-build") && !reuseBuild) {
        console.log("next build …");
        if (
          spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: { ...process.env, ...dist } })
            .status !== 0
        ) {
          throw new Error("next build failed; see above.");
        }
      }
      const [appPort, rawPort] = [await freePort(), await freePort()];
      const appUrl = `http://127.0.0.1:${appPort}`;
      const servers: Server[] = [];
      const sampler = rssSampler(servers);
      try {
        // One at a time, so the first is stopped below even when the second fails to start.
        servers.push(
          await startServer({
            name: "app",
            command: process.execPath,
            args: [...profile, NEXT, "start", "-p", String(appPort), "-H", "127.0.0.1"],
            env: { ...environment, ...dist, APP_URL: appUrl, NODE_OPTIONS: productionNodeOptions() },
            port: appPort,
            readyPath: "/api/health/live",
          }),
        );
        servers.push(
          await startServer({
            name: "raw",
            command: process.execPath,
            args: [
              "--conditions=react-server",
              "--import",
              "tsx",
              path.join("scripts", "bench", "raw-server.ts"),
            ],
            env: { ...environment, APP_URL: appUrl, PORT: String(rawPort) },
            port: rawPort,
            readyPath: "/api/health/live",
          }),
        );
        const [app, raw] = servers as [Server, Server];
        const rssAtStartMiB = { app: await app.rssMiB(), raw: await raw.rssMiB() };
        const list = scenarios({
          token: await apiToken(app.url, ADMIN),
          cookie: await sessionCookie(app.url, ADMIN),
          ids,
        }).filter((s) => !only || only.includes(s.id));

        // The app's mail worker renders the emails a submit queued after the response; waiting
        // until it is done keeps that work out of the next measurement, and its time is reported.
        const drainMail = async (): Promise<number> => {
          const started = Date.now();
          while (Date.now() - started < MAIL_DRAIN_TIMEOUT_MS) {
            const { due } = await query<{ due: number }>(
              "SELECT count(*) AS due FROM email_outbox WHERE (status = 'pending' AND next_attempt_at <= CURRENT_TIMESTAMP(3)) OR status = 'sending'",
            );
            if (due === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          return (Date.now() - started) / 1000;
        };

        const results: { id: string; rounds: Round[]; mailDrainSeconds: number[] }[] = [];
        for (const scenario of list) {
          // A profile shows the scenario alone: the liveness runs would share the app's profile.
          const targets: [string, string, RequestSpec][] = [
            ["app", app.url, scenario.request],
            ...(scenario.raw && !profile.length
              ? [["raw", raw.url, scenario.request] as [string, string, RequestSpec]]
              : []),
            ...(profile.length ? [] : [["live", app.url, liveness] as [string, string, RequestSpec]]),
          ];
          for (const [, baseUrl, spec] of targets)
            await measure(baseUrl, spec, { connections, duration: warmupSeconds });
          if (scenario.queuesMail) await drainMail();

          const entry = { id: scenario.id, rounds: [] as Round[], mailDrainSeconds: [] as number[] };
          for (let round = 0; round < rounds; round++) {
            // Rotating the order so no target always runs first (or right after the app).
            const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
            const measured: Record<string, Measurement> = {};
            for (const [name, baseUrl, spec] of order) {
              sampler.label(`${scenario.id}:${name}`);
              measured[name] = await measure(baseUrl, spec, { connections, duration });
              sampler.label(undefined);
              if (name === "app" && scenario.queuesMail) entry.mailDrainSeconds.push(await drainMail());
            }
            entry.rounds.push(measured as Round);
            process.stdout.write(
              `${scenario.id} round ${round + 1}/${rounds}: app ${measured.app!.rps.toFixed(0)} req/s\n`,
            );
          }
          results.push(entry);
        }

        const summary = summarize(list, results, sampler.peaks);
        console.log("");
        printSummary(summary, connections);
        console.log(
          `RSS right after start (before any load): app ${rssAtStartMiB.app.toFixed(0)} MiB, raw ${rssAtStartMiB.raw.toFixed(0)} MiB.`,
        );
        const machine = {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGiB: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          mariadb: mariadb.version,
        };
        const file = await writeResult("load", {
          at: new Date().toISOString(),
          options: { rows, duration, connections, rounds },
          machine,
          summary,
          results,
          rssAtStartMiB,
          rssPeaksMiB: sampler.peaks,
        });
        console.log(`\nResult: ${file}`);
        const failing = summary.filter((row) => row.non2xx > 0).map((row) => row.id);
        if (smoke && failing.length > 0) throw new Error(`smoke: non-2xx answers or errors in ${failing.join(", ")}.`);
      } finally {
        sampler.stop();
        for (const server of servers) await server.stop();
      }
    } finally {
      await closeDb();
    }
  });
});

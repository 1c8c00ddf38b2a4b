// npm run bench [-- --rows N --duration S --connections C --rounds R --workers W --only S2,S5
// --no-build --no-flask --cpu-prof --smoke]: builds the app and serves it as npm start does (one
// process per core), next to three baselines: the Flask service we replace (flask.ts, when its
// packages are installed), a bare Next.js app with one empty route handler (bare-next.ts, the
// framework floor) and raw node:http + mysql2 (raw-server.ts). Each scenario is measured on every
// target in turn, round after round in rotating order, so all see the same machine noise; each
// window records req/s, latency, and CPU per request of the server, the database and the load
// generator. Prints the table and writes .data/bench/load-<timestamp>.json. With --cpu-prof only
// the app is loaded, and each of its processes writes a V8 CPU profile into
// .data/bench/profiles (read them with scripts/bench/profile.ts). --smoke (CI) checks the
// harness, not speed: 1,000 rows, one 1-second round at 4 connections, the build in .next when
// there is one; any non-2xx fails it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RowDataPacket } from "mysql2/promise";
import { fail, hasFlag, option, run } from "../cli";
import { freePort } from "../free-port";
import { productionServer } from "../production-node";
import { BARE_DIR, BARE_PATH, buildBareNext } from "./bare-next";
import { apiKey, apiToken, sessionCookie } from "./credentials";
import { ADMIN, benchEnvironment, seedRows, withBenchDatabase } from "./database";
import { flaskMissing, startFlask, type Flask } from "./flask";
import { measure, type Measurement } from "./measure";
import { LIVENESS, scenarios, type RequestSpec, type Scenario } from "./scenarios";
import { startServer, type Server } from "./server";
import { printSummary, summarize, type Target } from "./summary";
import { RESULTS_DIR, writeResult } from "./report";
import { sink } from "../soak/smtp-sink";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
// Its own build directory: see next.config.mjs.
const DIST = { BENCH_DIST_DIR: path.join(".data", "bench", "next") };
// Long enough for every server process to have compiled the route and tiered up its code.
const WARMUP_SECONDS = 5;
const RSS_EVERY_MS = 250;
// NOTIFICATION_BATCH_SECONDS (30 s) and then the deliveries.
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
  const rows = whole("rows", smoke ? 1_000 : 5_000, 1_000, 2_000_000);
  const duration = whole("duration", smoke ? 1 : 10, 1, 60);
  const connections = whole("connections", smoke ? 4 : 32, 1, 256);
  const rounds = whole("rounds", smoke ? 1 : 2, 1, 10);
  const workers = whole("workers", os.availableParallelism(), 1, 64);
  const warmupSeconds = smoke ? 1 : WARMUP_SECONDS;
  // .next holds whatever `next build` made last (npm test makes one); a benchmark builds its own.
  const reuseBuild = smoke && existsSync(path.join(".next", "BUILD_ID"));
  const dist = reuseBuild ? {} : DIST;
  const only = option("only")?.split(",");
  if (only?.some((id) => !/^S[0-7]$/.test(id))) fail("--only takes a comma list of S0 … S7.");
  const profile = hasFlag("cpu-prof")
    ? ["--cpu-prof", "--cpu-prof-dir", path.join(RESULTS_DIR, "profiles")]
    : [];
  // A profile shows the app alone; the baselines would only add their own.
  const baselines = profile.length === 0;
  const flaskProblem = hasFlag("no-flask") ? "--no-flask" : flaskMissing();
  if (baselines && flaskProblem) console.log(`Flask baseline skipped: ${flaskProblem}.`);

  // The app delivers the notification of every submit as in production: rendered and sent over
  // SMTP (to a sink in a process of its own), not filed in the dev mailbox.
  const smtp = await sink();
  await withBenchDatabase("load", async (url) => {
    const environment = { ...benchEnvironment(url), WEB_CONCURRENCY: String(workers), SMTP_URL: smtp.url };
    Object.assign(process.env, environment);
    console.log(`Seeding ${rows.toLocaleString("en")} submissions …`);
    await seedRows(rows);
    const { pool, closeDb } = await import("@/db");
    const { env } = await import("@/lib/env");
    const query = async <T>(sql: string) => (await pool().query<(T & RowDataPacket)[]>(sql))[0][0] as T;
    const servers: Server[] = [];
    let flask: Flask | undefined;
    const sampler = rssSampler(servers);
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
      if (baselines) buildBareNext();

      // One at a time, so those already started are stopped below even when the next one fails.
      const appPort = await freePort();
      const appUrl = `http://127.0.0.1:${appPort}`;
      const appServer = productionServer(appPort, profile);
      const app = await startServer({
        name: "app",
        ...appServer,
        env: { ...environment, ...dist, ...appServer.env, APP_URL: appUrl },
        port: appPort,
        readyPath: "/api/health",
      });
      servers.push(app);
      let raw: Server | undefined;
      let bare: Server | undefined;
      if (baselines) {
        const rawPort = await freePort();
        raw = await startServer({
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
        });
        servers.push(raw);
        const barePort = await freePort();
        const bareServer = productionServer(barePort);
        bare = await startServer({
          name: "bare",
          command: bareServer.command,
          args: [path.resolve(bareServer.args[0]!), ...bareServer.args.slice(1)],
          env: { ...bareServer.env, WEB_CONCURRENCY: String(workers), NEXT_TELEMETRY_DISABLED: "1" },
          cwd: BARE_DIR,
          port: barePort,
          readyPath: BARE_PATH,
        });
        servers.push(bare);
        if (!flaskProblem) {
          flask = await startFlask(url, rows);
          servers.push(flask.server);
        }
      }
      const rssAtStartMiB = Object.fromEntries(
        await Promise.all(servers.map(async (s) => [s.name, await s.rssMiB()] as const)),
      );
      const token = await apiToken(app.url, ADMIN);
      const ours = scenarios({
        token,
        cookie: await sessionCookie(app.url, ADMIN),
        apiKey: await apiKey(app.url, token, ["integrations:read", "admin"]),
        ids,
      });
      const theirs = flask && scenarios({ token: flask.token, cookie: "", apiKey: "", ids: flask.ids });
      const list = [LIVENESS, ...ours].filter((s) => !only || only.includes(s.id));

      /** Who a scenario runs against: the app, and the baselines that implement it. */
      const targetsOf = (scenario: Scenario): [Target, Server, RequestSpec][] => {
        if (scenario.kind === "floor")
          return [
            ["app", app, scenario.request],
            ...(bare
              ? [
                  ["bare", bare, { ...scenario.request, path: () => BARE_PATH }] as [
                    Target,
                    Server,
                    RequestSpec,
                  ],
                ]
              : []),
          ];
        const peer = theirs?.find((s) => s.id === scenario.id);
        return [
          ["app", app, scenario.request],
          ...(scenario.raw && flask && peer
            ? [["flask", flask.server, peer.request] as [Target, Server, RequestSpec]]
            : []),
          ...(scenario.raw && raw ? [["raw", raw, scenario.request] as [Target, Server, RequestSpec]] : []),
        ];
      };

      // The app's mail worker renders the emails a submit queued, right after the response;
      // waiting until it is done keeps that work out of the next window, and its CPU is reported
      // per submit (part of what a submit costs the app).
      const drainMail = async (): Promise<{ seconds: number; cpuMs: number }> => {
        const started = Date.now();
        const cpuBefore = await app.cpuMs();
        while (Date.now() - started < MAIL_DRAIN_TIMEOUT_MS) {
          const { due } = await query<{ due: number }>(
            // Those held for the batching window too (raw-server.ts's rows, due tomorrow, are not).
            `SELECT count(*) AS due FROM email_outbox WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= CURRENT_TIMESTAMP(3) + INTERVAL ${env().NOTIFICATION_BATCH_SECONDS + 1} SECOND)`,
          );
          if (due === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return { seconds: (Date.now() - started) / 1000, cpuMs: (await app.cpuMs()) - cpuBefore };
      };

      const results: {
        id: string;
        rounds: Partial<Record<Target, Measurement>>[];
        mail: { seconds: number; cpuMsPerSubmit: number }[];
      }[] = [];
      for (const scenario of list) {
        const targets = targetsOf(scenario);
        for (const [, server, spec] of targets)
          await measure(server, spec, { connections, duration: warmupSeconds });
        if (scenario.queuesMail) await drainMail();

        const entry = {
          id: scenario.id,
          rounds: [] as Partial<Record<Target, Measurement>>[],
          mail: [] as { seconds: number; cpuMsPerSubmit: number }[],
        };
        for (let round = 0; round < rounds; round++) {
          // Rotating the order so no target always runs first (or right after the app).
          const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
          const measured: Partial<Record<Target, Measurement>> = {};
          for (const [name, server, spec] of order) {
            sampler.label(`${scenario.id}:${name}`);
            const window = await measure(server, spec, { connections, duration });
            measured[name] = window;
            sampler.label(undefined);
            if (name === "app" && scenario.queuesMail) {
              const drained = await drainMail();
              entry.mail.push({
                seconds: drained.seconds,
                cpuMsPerSubmit: drained.cpuMs / Math.max(1, window.requests),
              });
            }
          }
          entry.rounds.push(measured);
          const line = Object.entries(measured).map(
            ([name, m]) => `${name} ${m.rps.toFixed(0)} req/s ${m.cpuMs.toFixed(2)} ms CPU`,
          );
          console.log(`${scenario.id} round ${round + 1}/${rounds}: ${line.join(", ")}`);
        }
        results.push(entry);
      }

      const summary = summarize(list, results, sampler.peaks);
      console.log("");
      printSummary(summary, { connections, workers, rows });
      console.log(
        `RSS right after start (before any load), MiB: ${Object.entries(rssAtStartMiB)
          .map(([name, mib]) => `${name} ${mib.toFixed(0)}`)
          .join(", ")}.`,
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
        options: { rows, duration, connections, rounds, workers },
        machine,
        flask: flaskProblem ? { skipped: flaskProblem } : { workers: 2 },
        summary,
        results,
        rssAtStartMiB,
        rssPeaksMiB: sampler.peaks,
      });
      console.log(`\nResult: ${file}`);
      const failing = summary.filter((row) => row.non2xx > 0).map((row) => row.id);
      if (smoke && failing.length > 0)
        throw new Error(`smoke: non-2xx answers or errors in ${failing.join(", ")}.`);
    } finally {
      sampler.stop();
      for (const server of servers) if (server !== flask?.server) await server.stop();
      await flask?.close();
      await closeDb();
    }
  }).finally(() => smtp.report());
});

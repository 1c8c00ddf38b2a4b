// npm run soak [-- --seconds 60 --connections 64 --no-build]: mixed load against the production
// build with the database killed and restarted halfway, then proof that nothing was lost: every
// acknowledged submit is stored, every email sent exactly once, every webhook event delivered
// exactly once and in order (through a receiver that is down for the first part), memory flat.
// Exits 1 otherwise. Everything it starts (its own MariaDB on a spare port, an SMTP sink, a
// webhook receiver, the app) is its own. With --cluster it runs on three Galera nodes and three
// instances instead, through node and instance failures (scripts/soak/cluster.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fail, hasFlag, option, run } from "../cli";
import { freePort } from "../free-port";
import { apiToken } from "../bench/credentials";
import { benchEnvironment } from "../bench/database";
import { startServer } from "../bench/server";
import { mixedLoad } from "./load";
import { sink } from "./smtp-sink";
import { drain, mailCheck, statusLine, storedCount } from "./verdict";
import { webhookProblems } from "./webhook-checks";
import { webhookSink, type Arrival } from "./webhook-sink";
import { createDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { startLocalServer, type LocalServer } from "@/lib/database/local-server";
import { rawQuery } from "@/tests/helpers/raw-db";
import { productionServer } from "../production-node";
import { clusterMissing } from "../cluster/cluster";

run(async () => {
  const seconds = Number(option("seconds") ?? 60);
  const connections = Number(option("connections") ?? 64);
  if (!(seconds >= 10 && seconds <= 600) || !(connections >= 1 && connections <= 256))
    fail("--seconds takes 10–600 and --connections 1–256.");
  if (hasFlag("cluster")) {
    const missing = clusterMissing();
    if (missing) fail(missing);
  }
  if (!hasFlag("no-build") && spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0)
    fail("next build failed.");
  if (hasFlag("cluster")) {
    const { clusterSoak } = await import("./cluster");
    const clusterProblems = await clusterSoak({
      seconds: Number(option("seconds") ?? 90),
      connections,
      basePort: Number(option("port") ?? 4500),
    });
    if (clusterProblems.length > 0) fail(`Cluster soak failed: ${clusterProblems.join("; ")}.`);
    return console.log("✔ Cluster soak passed: nothing lost or doubled through node and instance failures.");
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "ih-soak-"));
  const dbPort = await freePort();
  let database: LocalServer = await startLocalServer({ dataDir, port: dbPort });
  const smtp = await sink();
  const hooks = await webhookSink();
  let received: string[] | undefined;
  let arrived: Arrival[] | undefined;
  const url = withDatabase(database.url, "ih_soak");
  const logFile = path.join(dataDir, "app.log");
  const env = {
    ...benchEnvironment(url),
    SMTP_URL: smtp.url,
    NOTIFICATION_RECIPIENTS: "ops@soak.test",
    LOG_FILE: logFile,
    // The receiver is on loopback.
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
  };
  Object.assign(process.env, env);
  let app: Awaited<ReturnType<typeof startServer>> | undefined;
  let problems: string[] = [];
  try {
    await createDatabase(url);
    await migrateDatabase(url);
    const { seed, DEMO_USER } = await import("@/lib/demo/seed");
    await seed();
    const { closeDb } = await import("@/db");
    await closeDb();
    const port = await freePort();
    const server = productionServer(port);
    app = await startServer({
      name: "app",
      ...server,
      env: { ...env, ...server.env },
      port,
      readyPath: "/api/health",
    });
    const token = await apiToken(app.url, DEMO_USER);
    const endpoint = await fetch(`${app.url}/api/webhooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ url: hooks.url, events: ["submission.created", "submission.updated"] }),
    });
    if (endpoint.status !== 201) fail(`Creating the webhook endpoint answered ${endpoint.status}.`);
    const { secret } = (await endpoint.json()) as { secret: string };
    const receiverDown = Math.round(Math.min(10, seconds / 6));
    hooks.tell({ secret, downUntil: Date.now() + receiverDown * 1000 });

    console.log(
      `Soak: ${seconds}s at ${connections} connections; the webhook receiver answers 500 for the first ${receiverDown}s; the database is killed at ${seconds / 2}s and restarted 3s later.`,
    );
    const rss: number[] = [];
    const sampler = setInterval(() => void app!.rssMiB().then((mib) => rss.push(mib)), 1_000);
    const outage = (async () => {
      await sleep((seconds / 2) * 1000);
      process.kill(database.pid, "SIGKILL");
      await database.stop();
      await sleep(3_000);
      database = await startLocalServer({ dataDir, port: dbPort });
    })();
    const load = await mixedLoad({
      baseUrl: app.url,
      token,
      connections,
      until: Date.now() + seconds * 1000,
    });
    await outage;
    clearInterval(sampler);
    console.log("Load over; waiting for the email and webhook queues to drain…");

    const queues = await drain(
      `SELECT (SELECT COUNT(*) FROM email_outbox WHERE status IN ('pending', 'sending'))
            + (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending') AS n`,
    );
    const submits = await storedCount(load.acknowledged);
    const outbox = await rawQuery<{ status: string; n: number }>(
      "SELECT status, COUNT(*) AS n FROM email_outbox GROUP BY status",
    );
    const mail = await mailCheck((received = await smtp.report()));
    const hookRows = await rawQuery<{ messageId: string; status: string }>(
      "SELECT message_id AS messageId, status FROM webhook_deliveries",
    );
    const hookCheck = webhookProblems((arrived = await hooks.report()), hookRows, load.acknowledged);
    const quarter = Math.max(1, Math.floor(rss.length / 4));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const growth = avg(rss.slice(-quarter)) / Math.max(1, avg(rss.slice(quarter, 2 * quarter)));

    problems = [
      ...submits.problems,
      queues.waiting > 0 &&
        `${queues.waiting} emails and webhook events still queued (the queues stopped moving or took over 10 minutes)`,
      outbox.some((r) => r.status === "failed") && "some emails failed for good",
      ...mail.problems,
      (load.statuses.get(500) ?? 0) > 0 && `${load.statuses.get(500)} answers were 500`,
      growth > 1.5 && `memory grew ${growth.toFixed(2)}× between the second and last quarter`,
      ...hookCheck.problems,
    ].filter((p): p is string => typeof p === "string");

    console.log(`answers: ${statusLine(load.statuses)}; network errors: ${load.networkErrors}`);
    console.log(`submits acknowledged: ${load.acknowledged.length}, stored: ${submits.stored}`);
    console.log(
      `notifications: ${outbox.map((r) => `${r.status} ${r.n}`).join(", ")}, in ${mail.sent} emails; received ${mail.received}, doubled ${mail.doubled}`,
    );
    console.log(`${hookCheck.summary}; both queues drained ${queues.seconds}s after the load`);
    if (problems.length > 0) {
      const errors = readFileSync(logFile, "utf8")
        .split("\n")
        .filter((line) => line.includes('"level":50'));
      console.log(`app errors (${errors.length}, last 5):\n${errors.slice(-5).join("\n")}`);
    }
    console.log(
      `server RSS MiB: first ${rss[0]?.toFixed(0)}, max ${Math.max(...rss).toFixed(0)}, last ${rss.at(-1)?.toFixed(0)} (growth ${growth.toFixed(2)}×)`,
    );
  } finally {
    await app?.stop();
    if (!received) await smtp.report();
    if (!arrived) await hooks.report();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (problems.length > 0) fail(`Soak failed: ${problems.join("; ")}.`);
  console.log("✔ Soak passed: nothing lost, nothing doubled, webhooks in order, memory flat.");
});

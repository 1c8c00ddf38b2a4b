// npm run soak -- --cluster [--seconds 90 --connections 64 --no-build]: the soak on the cluster
// of scripts/cluster (three Galera nodes, HAProxy, three instances), in a data directory of its
// own. First the races of cluster-checks; then mixed load through the HTTP balancer while one
// node is killed with SIGKILL and, a few seconds later, one instance; both come back (the node
// rejoins by state transfer); later another node is paused with SIGSTOP long enough to be
// evicted, then let go. Every acknowledged submit must be stored once, every email sent once,
// the counts exact, and no answer ≥ 500 may fall outside the windows those faults open. Last,
// write throughput: the same three instances submitting through the cluster, then through one
// plain MariaDB server on the same machine, as a ratio from the one run.
import { setTimeout as sleep } from "node:timers/promises";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { apiToken } from "../bench/credentials";
import { processTree } from "../bench/process-stats";
import { startCluster, type Cluster } from "../cluster/cluster";
import { freePort } from "../free-port";
import { createDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { startLocalServer, type LocalServer } from "@/lib/database/local-server";
import { clusterChecks, countsProblems } from "./cluster-checks";
import { mixedLoad } from "./load";
import { drain, mailCheck, statusLine, storedCount } from "./verdict";
import { sink } from "./smtp-sink";
import { rawQuery } from "@/tests/helpers/raw-db";

// An answer ≥ 500 counts against the cluster unless it came within this long after a fault
// (a kill, a pause, a restart or a release): the failover window.
const SETTLE_MS = 15_000;

interface Fault {
  at: number;
  what: string;
}

/** Kills an instance's whole process tree at once, as a lost machine would. */
async function killApp(cluster: Cluster, i: number) {
  const app = cluster.apps[i]!;
  for (const pid of (await processTree(app.pid)).reverse()) process.kill(pid, "SIGKILL");
}

async function faults(cluster: Cluster, seconds: number, log: Fault[]): Promise<void> {
  const mark = (what: string) => {
    log.push({ at: Date.now(), what });
    console.log(`  ${new Date().toISOString().slice(11, 19)} ${what}`);
  };
  const node2 = cluster.nodes[1]!;
  const node3 = cluster.nodes[2]!;
  await sleep(seconds * 150);
  process.kill(node2.server!.pid, "SIGKILL");
  mark("node2 killed (SIGKILL)");
  await sleep(5_000);
  await killApp(cluster, 1);
  mark("app2 killed (SIGKILL)");
  await sleep(seconds * 200);
  mark("node2 restarting");
  await cluster.restartNode(1);
  mark("node2 back (Synced)");
  await cluster.startApp(1);
  mark("app2 back");
  await sleep(seconds * 150);
  process.kill(node3.server!.pid, "SIGSTOP");
  mark("node3 paused (SIGSTOP)");
  await sleep(20_000);
  process.kill(node3.server!.pid, "SIGCONT");
  mark("node3 released (SIGCONT)");
}

/** Submits per second through `baseUrl` at 32 connections for 10 s, and how many were refused. */
async function submitRate(baseUrl: string, token: string): Promise<{ rate: number; refused: number }> {
  const until = Date.now() + 10_000;
  let created = 0;
  let refused = 0;
  await Promise.all(
    // Each client its own name, as separate clients send: one name sent by all at once is a hot
    // row of submission_groups (docs/scaling.md, "Hot rows").
    Array.from({ length: 32 }, async (_, client) => {
      while (Date.now() < until) {
        const response = await fetch(`${baseUrl}/api/integrations/submit`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            integrationType: "lever",
            integrationName: `Rate ${client}`,
            data: { apiKey: "rate-key" },
          }),
        });
        await response.arrayBuffer();
        if (response.status === 201) created += 1;
        else refused += 1;
      }
    }),
  );
  return { rate: created / 10, refused };
}

/** The three instances moved onto one plain server: its submit rate beside the cluster's. */
async function compareWithOneServer(cluster: Cluster, dir: string, token: string): Promise<string> {
  const onCluster = await submitRate(cluster.webUrl, token);
  let single: LocalServer | undefined;
  try {
    single = await startLocalServer({ dataDir: path.join(dir, "single"), port: await freePort() });
    const url = withDatabase(single.url, "integrations_single");
    await createDatabase(url);
    await migrateDatabase(url);
    // In a process of its own: this one's environment is read once and points at the cluster.
    const seeded = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db-seed.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    if (seeded.status !== 0) throw new Error("Seeding the one-server database failed.");
    await Promise.all(cluster.apps.map((app) => app?.stop()));
    await Promise.all(cluster.apps.map((_, i) => cluster.startApp(i, url)));
    await sleep(2_000);
    const singleToken = await apiToken(cluster.webUrl, {
      email: "demo@example.com",
      password: "demo-password",
    });
    const onOne = await submitRate(cluster.webUrl, singleToken);
    return (
      `write throughput, 32 connections, 10 s each: ${onCluster.rate.toFixed(0)} submits/s on three Galera nodes ` +
      `(${onCluster.refused} refused), ${onOne.rate.toFixed(0)} on one MariaDB server (${onOne.refused} refused): ` +
      `cluster / one server = ${(onCluster.rate / onOne.rate).toFixed(2)}`
    );
  } finally {
    await Promise.all(cluster.apps.map((app) => app?.stop()));
    await single?.stop();
  }
}

export async function clusterSoak(options: { seconds: number; connections: number; basePort: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), "ih-cluster-soak-"));
  // The nodes run as the mysql account, which must reach their directories.
  chmodSync(dir, 0o755);
  const smtp = await sink();
  let received: string[] | undefined;
  let cluster: Cluster | undefined;
  const problems: string[] = [];
  try {
    cluster = await startCluster({
      dir,
      basePort: options.basePort,
      env: {
        SMTP_URL: smtp.url,
        NOTIFICATION_RECIPIENTS: "ops@soak.test",
        LOG_LEVEL: "warn",
        SUBMIT_LIMIT_PER_MINUTE: "0",
      },
      log: (line) => console.log(line),
    });
    const apps = cluster.apps.map((app) => app!.url);
    const [userToken, adminToken] = await Promise.all([
      apiToken(cluster.webUrl, { email: "demo@example.com", password: "demo-password" }),
      apiToken(cluster.webUrl, { email: "admin@example.com", password: "admin-password" }),
    ]);

    console.log("Races through instances on different nodes:");
    const checks = await clusterChecks({ apps, web: cluster.webUrl, userToken, adminToken });
    for (const line of checks.lines) console.log(`  ${line}`);
    problems.push(...checks.problems);

    console.log(
      `Load: ${options.seconds}s at ${options.connections} connections through the balancer, with these faults:`,
    );
    const faultLog: Fault[] = [];
    const started = Date.now();
    const [load] = await Promise.all([
      mixedLoad({
        baseUrl: cluster.webUrl,
        token: userToken,
        connections: options.connections,
        until: started + options.seconds * 1000,
        retrySubmits: true,
      }),
      faults(cluster, options.seconds, faultLog),
    ]);

    console.log("Load over; waiting for the email queue to drain…");
    const queue = await drain(
      "SELECT COUNT(*) AS n FROM email_outbox WHERE status IN ('pending', 'sending')",
    );
    const submits = await storedCount(load.acknowledged);
    const doubled = (
      await rawQuery<{ n: number }>(
        "SELECT COUNT(*) AS n FROM (SELECT integration_name FROM integration_submissions WHERE integration_name LIKE 'Soak %' GROUP BY integration_name HAVING COUNT(*) > 1) d",
      )
    )[0]!.n;
    const mail = await mailCheck((received = await smtp.report()));

    // Failover windows: from each fault until SETTLE_MS after it; how long answers ≥ 500 lasted.
    const outside = load.failures.filter(
      (at) => !faultLog.some((fault) => at >= fault.at && at <= fault.at + SETTLE_MS),
    );
    const windows = faultLog.map((fault) => {
      const inside = load.failures.filter((at) => at >= fault.at && at <= fault.at + SETTLE_MS);
      return inside.length
        ? `${fault.what}: ${inside.length} failed for ${((Math.max(...inside) - fault.at) / 1000).toFixed(1)}s`
        : `${fault.what}: none`;
    });
    console.log(`answers: ${statusLine(load.statuses)}; network errors: ${load.networkErrors}`);
    console.log(`answers ≥ 500 and network errors after each fault: ${windows.join("; ")}`);
    console.log(
      `submits acknowledged: ${new Set(load.acknowledged).size}, stored: ${submits.stored}, stored twice: ${doubled}`,
    );
    console.log(`emails: ${mail.sent} sent, ${mail.received} received, doubled ${mail.doubled}`);
    problems.push(
      ...submits.problems,
      ...mail.problems,
      ...[
        doubled > 0 && `${doubled} submits were stored twice`,
        queue.waiting > 0 &&
          `${queue.waiting} emails still queued (the queue stopped moving or took over 10 minutes)`,
        outside.length > 0 &&
          `${outside.length} answers ≥ 500 or network errors outside the failover windows`,
      ].filter((p): p is string => typeof p === "string"),
      ...(await countsProblems()),
    );
    console.log(await compareWithOneServer(cluster, dir, userToken));
  } finally {
    await cluster?.stop();
    if (!received) await smtp.report();
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

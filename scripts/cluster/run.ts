// npm run cluster [-- --port 4400 --no-build]: three Galera nodes, HAProxy and three production
// app instances on this machine (scripts/cluster/cluster.ts), until Ctrl-C.
// npm run cluster -- --stop: stops a cluster started in another terminal.
import { spawnSync } from "node:child_process";
import { fail, hasFlag, option, run } from "../cli";
import { CLUSTER_DIR, clusterMissing, endProcess, isAlive, readState, startCluster } from "./cluster";

async function stopRunning(): Promise<void> {
  const state = readState();
  if (!state) return console.log("No cluster is running.");
  // The supervisor tears down what it started; if it is gone, what it left is stopped here.
  const targets = isAlive(state.supervisor) ? [state.supervisor] : state.pids.filter(isAlive);
  for (const pid of targets) endProcess(pid);
  const deadline = Date.now() + 90_000;
  while (targets.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  console.log(targets.some(isAlive) ? "Some processes did not stop within 90 s." : "Cluster stopped.");
}

run(async () => {
  if (hasFlag("stop")) return stopRunning();
  const missing = clusterMissing();
  if (missing) fail(missing);
  const running = readState();
  if (running && isAlive(running.supervisor))
    fail(`A cluster is already running (pid ${running.supervisor}); stop it with npm run cluster -- --stop.`);
  const basePort = Number(option("port") ?? 4400);
  if (!Number.isInteger(basePort) || basePort < 1024 || basePort > 65_000) fail("--port takes 1024–65000.");
  if (!hasFlag("no-build") && spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0)
    fail("next build failed.");

  const cluster = await startCluster({ basePort, log: (line) => console.log(line) });
  const { ports } = cluster;
  console.log(`
The cluster is up (data and logs in ${CLUSTER_DIR}):
  app, through the HTTP balancer   ${cluster.webUrl}   (admin@example.com / admin-password, demo@example.com / demo-password)
  app instances                    ${ports.apps.map((p) => `http://127.0.0.1:${p}`).join("  ")}
  database, through the balancer   mysql://root@127.0.0.1:${ports.db}/integrations_cluster
  Galera nodes                     ${ports.nodes.map((n) => `127.0.0.1:${n.mysql}`).join("  ")}
Ctrl-C or npm run cluster -- --stop stops everything.`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log("\nStopping the cluster…");
  await cluster.stop();
  console.log("Cluster stopped.");
});

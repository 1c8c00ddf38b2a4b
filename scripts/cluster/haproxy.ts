// HAProxy in front of the cluster, as one process with two faces: TCP in front of the Galera
// nodes (a node counts as up only while its health agent says it is Synced) and HTTP in front of
// the app instances (X-Forwarded-For appended, a refused connection retried on another instance).
import { spawn } from "node:child_process";
import { openSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ClusterPorts } from "./layout";

// A node marked down has its sessions cut, so the apps' pools reconnect to the next node at
// once; when its own node is back, an instance's sessions move home again. Checked every
// 500 ms and down after three failures: a lost node is out within about 1.5 s, while a node
// passing through a view change (a moment not Synced when another node leaves) stays in. Back
// only after 5 s of good checks: a node let go after a pause reports Synced for a moment before
// it notices that the cluster went on without it.
const SESSIONS = "on-marked-down shutdown-sessions on-marked-up shutdown-backup-sessions";
const NODE_CHECK = "inter 500 fall 3 rise 10";
// While Galera suspects a silent node (5 s by default) every node holds its commits and reads,
// and every instance's /api/health is slow with them: slow is not down. An instance that is
// really gone refuses connections, and those are sent to another instance at once.
const APP_CHECK = "inter 1s fall 3 rise 2";

function haproxyConfig(ports: ClusterPorts): string {
  // The "db" section checks each node through its agent; the instances' sections follow it.
  const server = (n: number, state: string) =>
    `  server node${n} 127.0.0.1:${ports.nodes[n - 1]!.mysql} ${state} ${SESSIONS}`;
  const dbSection = (name: string, port: number, lines: string[]) => [
    `listen ${name}`,
    "  mode tcp",
    `  bind 127.0.0.1:${port}`,
    "  balance roundrobin",
    ...lines,
  ];
  const three = [1, 2, 3];
  return [
    "global",
    "  maxconn 4000",
    "defaults",
    "  timeout connect 1s",
    // Pooled database connections sit idle for long stretches.
    "  timeout client 1h",
    "  timeout server 1h",
    // Any node, for migrations and tools.
    ...dbSection("db", ports.db, [
      "  option httpchk GET /",
      // The agent answers within its own 1 s connect timeout, even for a paused node.
      "  timeout check 2s",
      ...three.map((n) => server(n, `check port ${ports.nodes[n - 1]!.agent} ${NODE_CHECK}`)),
    ]),
    // Instance i writes through node i, and through another node only while node i is down: the
    // instances really do write on different nodes, and a lost node moves its instance over.
    ...ports.apps.flatMap((_, i) =>
      dbSection(
        `db-app${i + 1}`,
        ports.appDb[i]!,
        three.map((n) => server(n, `track db/node${n}${n === i + 1 ? "" : " backup"}`)),
      ),
    ),
    "listen web",
    "  mode http",
    `  bind 127.0.0.1:${ports.web}`,
    "  balance roundrobin",
    "  option forwardfor",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    // Only a connection that never reached an instance is sent elsewhere: a request an instance
    // may have acted on is never replayed behind the client's back.
    "  retry-on conn-failure",
    "  retries 3",
    "  option redispatch 1",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout check 8s",
    ...ports.apps.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check ${APP_CHECK}`),
    "",
  ].join("\n");
}

/**
 * Writes the configuration into dir and starts HAProxy in the foreground of a detached process,
 * its messages (servers going down and up) in dir/haproxy.log.
 */
export function startHaproxy(binary: string, dir: string, ports: ClusterPorts): number {
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, haproxyConfig(ports));
  const log = openSync(path.join(dir, "haproxy.log"), "a");
  const child = spawn(binary, ["-db", "-f", file], { detached: true, stdio: ["ignore", log, log] });
  child.unref();
  return child.pid!;
}

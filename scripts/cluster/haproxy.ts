// HAProxy in front of the cluster, as one process with two faces: TCP in front of the Galera
// nodes (a node counts as up only while its health agent says it is Synced) and HTTP in front of
// the app instances (X-Forwarded-For appended, a refused connection retried on another instance).
import { spawn } from "node:child_process";
import { openSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ClusterPorts } from "./layout";

// A node marked down has its sessions cut, so the apps' pools reconnect to the next node at
// once; when its own node is back, an instance's sessions move home again.
const DB_SERVER =
  "inter 1s fall 2 rise 2 on-marked-down shutdown-sessions on-marked-up shutdown-backup-sessions";

function config(ports: ClusterPorts): string {
  const node = (n: number, backup: boolean) =>
    `  server node${n} 127.0.0.1:${ports.nodes[n - 1]!.mysql} check port ${ports.nodes[n - 1]!.agent} ${DB_SERVER}${backup ? " backup" : ""}`;
  const dbSection = (name: string, port: number, lines: string[]) => [
    `listen ${name}`,
    "  mode tcp",
    `  bind 127.0.0.1:${port}`,
    "  balance roundrobin",
    "  option httpchk GET /",
    ...lines,
  ];
  return [
    "global",
    "  maxconn 4000",
    "defaults",
    "  timeout connect 1s",
    // Pooled database connections sit idle for long stretches.
    "  timeout client 1h",
    "  timeout server 1h",
    // Any node, for migrations and tools.
    ...dbSection(
      "db",
      ports.db,
      [1, 2, 3].map((n) => node(n, false)),
    ),
    // Instance i writes through node i, and through another node only while node i is down: the
    // instances really do write on different nodes, and a lost node moves its instance over.
    ...ports.apps.flatMap((_, i) =>
      dbSection(
        `db-app${i + 1}`,
        ports.appDb[i]!,
        [1, 2, 3].map((n) => node(n, n !== i + 1)),
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
    ...ports.apps.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check inter 1s fall 2 rise 2`),
    "",
  ].join("\n");
}

/**
 * Writes the configuration into dir and starts HAProxy in the foreground of a detached process,
 * its messages (servers going down and up) in dir/haproxy.log.
 */
export function startHaproxy(binary: string, dir: string, ports: ClusterPorts): number {
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, config(ports));
  const log = openSync(path.join(dir, "haproxy.log"), "a");
  const child = spawn(binary, ["-db", "-f", file], { detached: true, stdio: ["ignore", log, log] });
  child.unref();
  return child.pid!;
}

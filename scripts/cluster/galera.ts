// Three MariaDB Galera nodes on this machine, each with its own data directory and ports: the
// cluster that `npm run cluster` and the cluster soak run on. A node's state is read from its
// wsrep status, so "up" means "synced with the cluster", not just "answers".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import mysql from "mysql2/promise";
import { findBinary, startLocalServer, type LocalServer } from "@/lib/database/local-server";
import type { NodePorts } from "./layout";

const PROVIDERS = [
  "/usr/lib/galera/libgalera_smm.so",
  "/usr/lib/galera-4/libgalera_smm.so",
  "/usr/lib64/galera-4/libgalera_smm.so",
];

export interface GaleraNode {
  name: string;
  ports: NodePorts;
  dataDir: string;
  server?: LocalServer;
}

/** What is missing to run a Galera cluster here, in one sentence; undefined when nothing is. */
export function galeraMissing(): string | undefined {
  if (!findBinary(["mariadbd"])) return "MariaDB is not installed (sudo apt-get install mariadb-server).";
  if (!galeraProvider()) return "Galera is not installed (sudo apt-get install galera-4).";
  if (!findBinary(["rsync"]))
    return "rsync, which a joining Galera node copies its data with, is not installed (sudo apt-get install rsync).";
  return undefined;
}

const galeraProvider = () => PROVIDERS.find((file) => existsSync(file));

export const galeraNodes = (baseDir: string, ports: NodePorts[]): GaleraNode[] =>
  ports.map((nodePorts, i) => ({
    name: `node${i + 1}`,
    dataDir: path.join(baseDir, `node${i + 1}`),
    ports: nodePorts,
  }));

function wsrepArgs(node: GaleraNode, all: GaleraNode[], bootstrap: boolean): string[] {
  const peers = all.map((other) => `127.0.0.1:${other.ports.galera}`).join(",");
  return [
    "--wsrep-on=ON",
    `--wsrep-provider=${galeraProvider()}`,
    "--wsrep-cluster-name=integrations-hub",
    `--wsrep-cluster-address=gcomm://${peers}`,
    `--wsrep-node-name=${node.name}`,
    `--wsrep-node-address=127.0.0.1:${node.ports.galera}`,
    `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${node.ports.galera};ist.recv_addr=127.0.0.1:${node.ports.ist};gcache.size=256M`,
    "--wsrep-sst-method=rsync",
    `--wsrep-sst-receive-address=127.0.0.1:${node.ports.sst}`,
    "--binlog-format=ROW",
    "--innodb-autoinc-lock-mode=2",
    "--default-storage-engine=InnoDB",
    ...(bootstrap ? ["--wsrep-new-cluster"] : []),
  ];
}

/** Starts one node: the first of a new cluster bootstraps it, the others join it (copying its data). */
export async function startNode(
  node: GaleraNode,
  all: GaleraNode[],
  bootstrap: boolean,
): Promise<LocalServer> {
  mkdirSync(node.dataDir, { recursive: true });
  if (bootstrap) markSafeToBootstrap(node);
  node.server = await startLocalServer({
    dataDir: node.dataDir,
    port: node.ports.mysql,
    args: wsrepArgs(node, all, bootstrap),
    // Run by root, the joiner's rsync daemon writes as "nobody" into a root-owned directory and
    // the copy fails; as the mysql account, it writes as that account.
    user: process.getuid?.() === 0 ? "mysql" : undefined,
  });
  await waitSynced(node);
  return node.server;
}

// A cluster stopped whole leaves every node "not safe to bootstrap" unless it was the last one
// out; the nodes here are stopped together, so the first may always start the cluster again.
function markSafeToBootstrap(node: GaleraNode) {
  const state = path.join(node.dataDir, "grastate.dat");
  if (existsSync(state))
    writeFileSync(state, readFileSync(state, "utf8").replace(/safe_to_bootstrap: 0/, "safe_to_bootstrap: 1"));
}

const nodeUrl = (node: GaleraNode) => `mysql://root@127.0.0.1:${node.ports.mysql}/`;

/** wsrep_local_state_comment, or "down" when the node does not answer. */
export async function nodeState(node: GaleraNode): Promise<string> {
  try {
    const connection = await mysql.createConnection({ uri: nodeUrl(node), connectTimeout: 1_000 });
    try {
      const [rows] = await connection.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready')",
      );
      const status = Object.fromEntries(
        (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]),
      );
      return status.wsrep_ready === "ON" ? (status.wsrep_local_state_comment ?? "unknown") : "not ready";
    } finally {
      await connection.end();
    }
  } catch {
    return "down";
  }
}

async function waitSynced(node: GaleraNode, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  let state = await nodeState(node);
  while (state !== "Synced") {
    if (Date.now() > deadline) throw new Error(`${node.name} is ${state}, not Synced, after ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    state = await nodeState(node);
  }
}

/**
 * One small HTTP server per node for HAProxy's health checks: 200 while the node is Synced, 503
 * otherwise (down, paused, joining, or cut off from the cluster's primary component, where it
 * still accepts connections but refuses every query).
 */
export async function startHealthAgents(nodes: GaleraNode[]): Promise<() => Promise<void>> {
  const servers = await Promise.all(
    nodes.map(async (node) => {
      const server = http.createServer((_req, res) => {
        void nodeState(node).then((state) =>
          res.writeHead(state === "Synced" ? 200 : 503, { "content-type": "text/plain" }).end(state),
        );
      });
      await new Promise<void>((resolve) => server.listen(node.ports.agent, "127.0.0.1", resolve));
      return server;
    }),
  );
  return async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}

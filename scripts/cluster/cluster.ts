// The whole cluster on one machine: three Galera nodes, HAProxy in front of them (TCP) and of
// three production app instances (HTTP). `npm run cluster` runs it for people; the cluster soak
// runs it to kill and pause its parts. Everything it starts is listed in the state file, so
// `npm run cluster -- --stop` can stop it from another terminal, and nothing else is touched.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { findBinary, isAnswering } from "@/lib/database/local-server";
import { startServer, type Server } from "../bench/server";
import { productionServer } from "../production-node";
import { galeraMissing, galeraNodes, startHealthAgents, startNode, type GaleraNode } from "./galera";
import { startHaproxy } from "./haproxy";
import { clusterPorts, type ClusterPorts } from "./layout";

export const CLUSTER_DIR = path.resolve(".data/cluster");
const stateFile = (dir: string) => path.join(dir, "state.json");
const DATABASE = "integrations_cluster";

export interface Cluster {
  ports: ClusterPorts;
  webUrl: string;
  /** The database through the balancer (any node). */
  databaseUrl: string;
  nodes: GaleraNode[];
  apps: (Server | undefined)[];
  /** Starts instance i (again), on its own node unless given another database. */
  startApp(i: number, databaseUrl?: string): Promise<Server>;
  restartNode(i: number): Promise<void>;
  stop(): Promise<void>;
}

/** What is missing to run the cluster here, in one sentence; undefined when nothing is. */
export function clusterMissing(): string | undefined {
  return (
    galeraMissing() ??
    (findBinary(["haproxy"]) ? undefined : "HAProxy is not installed (sudo apt-get install haproxy).")
  );
}

interface State {
  supervisor: number;
  pids: number[];
}

export function readState(dir = CLUSTER_DIR): State | undefined {
  const file = stateFile(dir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as State) : undefined;
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM, after a SIGCONT in case a partition test left it paused (a paused process ignores it). */
export function endProcess(pid: number): void {
  process.kill(pid, "SIGCONT");
  process.kill(pid, "SIGTERM");
}

// Secrets made once and kept with the data, so a restarted cluster can read what it sealed.
function clusterSecrets(dir: string): Record<string, string> {
  const file = path.join(dir, "secrets.json");
  if (!existsSync(file))
    writeFileSync(
      file,
      JSON.stringify({
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        DATA_ENCRYPTION_KEY: `cluster:${randomBytes(32).toString("base64")}`,
      }),
      { mode: 0o600 },
    );
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

export async function startCluster(options: {
  /** Data, logs and the state file; CLUSTER_DIR unless given. */
  dir?: string;
  basePort: number;
  env?: Record<string, string>;
  log(line: string): void;
}): Promise<Cluster> {
  const missing = clusterMissing();
  if (missing) throw new Error(missing);
  const dir = options.dir ?? CLUSTER_DIR;
  mkdirSync(dir, { recursive: true });
  const ports = clusterPorts(options.basePort);
  const nodes = galeraNodes(dir, ports.nodes);
  const pids = new Set<number>();
  const remember = (pid: number) => {
    pids.add(pid);
    writeFileSync(
      stateFile(dir),
      JSON.stringify({ supervisor: process.pid, pids: [...pids] } satisfies State),
    );
  };
  const forget = (pid: number) => pids.delete(pid);

  const stopAgents = await startHealthAgents(nodes);
  const apps: (Server | undefined)[] = ports.apps.map(() => undefined);
  const stop = async () => {
    await Promise.all(apps.map((app) => app?.stop()));
    for (const pid of pids) if (isAlive(pid)) endProcess(pid);
    await Promise.all(nodes.map((node) => node.server?.stop()));
    await stopAgents();
    rmSync(stateFile(dir), { force: true });
  };

  try {
    for (const [i, node] of nodes.entries()) {
      options.log(
        `Starting Galera ${node.name} on port ${node.ports.mysql}${i === 0 ? " (bootstrap)" : ""}…`,
      );
      remember((await startNode(node, nodes, i === 0)).pid);
    }
    remember(startHaproxy(findBinary(["haproxy"])!, dir, ports));
    const databaseUrl = withDatabase(`mysql://root@127.0.0.1:${ports.db}/`, DATABASE);
    await waitFor("HAProxy (see haproxy.log)", () => isAnswering(databaseUrl, 1_000));

    const webUrl = `http://127.0.0.1:${ports.web}`;
    const env: Record<string, string> = {
      NODE_ENV: "production",
      ...clusterSecrets(dir),
      APP_URL: webUrl,
      // HAProxy appends the client's address; the instance appends HAProxy's.
      TRUSTED_PROXY_HOPS: "1",
      // Three instances share two cores here: one process each.
      WEB_CONCURRENCY: "1",
      ADMIN_EMAIL: "admin@example.com",
      ADMIN_PASSWORD: "admin-password",
      ...options.env,
    };
    Object.assign(process.env, env, { DATABASE_URL: databaseUrl });
    if (await createDatabase(databaseUrl)) {
      await migrateDatabase(databaseUrl);
      options.log("Seeding demo data…");
      const { seed } = await import("@/lib/demo/seed");
      await seed();
      const { closeDb } = await import("@/db");
      await closeDb();
    } else await migrateDatabase(databaseUrl);

    const startApp = async (
      i: number,
      appDatabaseUrl = withDatabase(`mysql://root@127.0.0.1:${ports.appDb[i]}/`, DATABASE),
    ) => {
      const port = ports.apps[i]!;
      const server = productionServer(port);
      const app = await startServer({
        name: `app${i + 1}`,
        ...server,
        port,
        readyPath: "/api/health",
        env: {
          ...env,
          ...server.env,
          DATABASE_URL: appDatabaseUrl,
          LOG_FILE: path.join(dir, `app${i + 1}.log`),
        },
      });
      apps[i] = app;
      remember(app.pid);
      return app;
    };
    options.log("Starting three app instances…");
    await Promise.all(ports.apps.map((_, i) => startApp(i)));
    await waitFor("the HTTP balancer", () =>
      fetch(`${webUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
    );

    return {
      ports,
      webUrl,
      databaseUrl,
      nodes,
      apps,
      startApp,
      async restartNode(i) {
        const node = nodes[i]!;
        if (node.server) forget(node.server.pid);
        remember((await startNode(node, nodes, false)).pid);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitFor(what: string, ready: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

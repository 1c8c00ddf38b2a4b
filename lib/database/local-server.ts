// A project-local MariaDB/MySQL server: started from the binary on this machine when nothing
// answers at DATABASE_URL, with its data in an ignored folder. Fault tests start one on a spare
// port so they can kill it and bring it back.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";

const SEARCH_DIRS = [
  "/usr/sbin",
  "/usr/bin",
  "/usr/local/bin",
  "/usr/local/sbin",
  "/opt/homebrew/bin",
  "/usr/local/mysql/bin",
];

export const NO_SERVER_HELP =
  "No MySQL/MariaDB server answers and no mariadbd or mysqld binary was found: install one " +
  "(Debian/Ubuntu: sudo apt-get install mariadb-server; macOS: brew install mariadb) " +
  "or set DATABASE_URL to a server you have.";

/** True when a MySQL-protocol server accepts the URL's credentials. */
export async function isAnswering(url: string, timeoutMs = 2_000): Promise<boolean> {
  const target = new URL(url);
  target.pathname = "/";
  try {
    const connection = await mysql.createConnection({ uri: target.toString(), connectTimeout: timeoutMs });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

export function findBinary(names: string[]): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), ...SEARCH_DIRS].filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export interface LocalServer {
  port: number;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Initialises dataDir on first use, starts the server detached and waits until it answers.
 * `args` are passed on to the server (a Galera node's wsrep options). Started by root, it runs
 * as root unless `user` names the account to run as (it then owns dataDir).
 */
export async function startLocalServer(options: {
  dataDir: string;
  port: number;
  args?: string[];
  user?: string;
}): Promise<LocalServer> {
  const server = findBinary(["mariadbd", "mysqld"]);
  if (!server) throw new Error(NO_SERVER_HELP);
  const dataDir = path.resolve(options.dataDir);
  const isMariaDb = /mariadb/i.test(execFileSync(server, ["--version"], { encoding: "utf8" }));
  const isRoot = process.getuid?.() === 0;
  const asRoot = isRoot ? [`--user=${options.user ?? "root"}`] : [];

  if (!existsSync(path.join(dataDir, "mysql"))) {
    mkdirSync(dataDir, { recursive: true });
    if (isRoot && options.user) execFileSync("chown", [options.user, dataDir]);
    if (isMariaDb) {
      const installer = findBinary(["mariadb-install-db", "mysql_install_db"]);
      if (!installer) throw new Error(`Found ${server} but not mariadb-install-db to initialise ${dataDir}.`);
      execFileSync(
        installer,
        [
          "--no-defaults",
          `--datadir=${dataDir}`,
          "--auth-root-authentication-method=normal",
          "--skip-test-db",
          ...asRoot,
        ],
        { stdio: "ignore" },
      );
    } else {
      execFileSync(server, ["--no-defaults", "--initialize-insecure", `--datadir=${dataDir}`, ...asRoot], {
        stdio: "ignore",
      });
    }
  }

  const child = spawn(
    server,
    [
      "--no-defaults",
      `--datadir=${dataDir}`,
      `--port=${options.port}`,
      "--bind-address=127.0.0.1",
      `--socket=${path.join(dataDir, "mysqld.sock")}`,
      `--pid-file=${path.join(dataDir, "mysqld.pid")}`,
      `--log-error=${path.join(dataDir, "error.log")}`,
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
      ...asRoot,
      ...(options.args ?? []),
    ],
    { detached: true, stdio: "ignore" },
  );
  child.unref();

  const url = `mysql://root@127.0.0.1:${options.port}/`;
  // A joining Galera node answers only once it has copied the cluster's data.
  const deadline = Date.now() + 120_000;
  while (!(await isAnswering(url, 1_000))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = path.join(dataDir, "error.log");
      const tail = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-3).join(" | ") : "";
      throw new Error(
        `The local database server in ${dataDir} did not start on port ${options.port}. ${tail}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const pid = child.pid!;
  return {
    port: options.port,
    pid,
    url,
    async stop() {
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (!alive()) return;
      process.kill(pid, "SIGTERM");
      // Until the process is gone, not just silent: it flushes its files on the way out.
      const until = Date.now() + 60_000;
      while (alive() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    },
  };
}

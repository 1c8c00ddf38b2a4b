// "Embedded default": make DATABASE_URL usable with nothing set up by hand. When no server
// answers on this machine, start a project-local one from the mariadbd/mysqld binary.
import path from "node:path";
import { createDatabase, databaseName, migrateDatabase } from "./admin";
import { isAnswering, startLocalServer, type LocalServer } from "./local-server";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export const LOCAL_DATA_DIR = path.join(process.cwd(), ".data", "mysql");

type Log = (line: string) => void;

/** The local server this call started, if it had to start one (it keeps running). */
export async function ensureServer(
  url: string,
  log: Log = () => {},
  dataDir = LOCAL_DATA_DIR,
): Promise<LocalServer | undefined> {
  if (await isAnswering(url)) return undefined;
  const target = new URL(url);
  const where = `${target.hostname}:${target.port || 3306}`;
  if (!LOCAL_HOSTS.has(target.hostname)) {
    throw new Error(`No database server answers at ${where} (DATABASE_URL): start it, or fix the URL.`);
  }
  log(
    `No database server answers at ${where}; starting a project-local one in ${path.relative(process.cwd(), dataDir) || dataDir} …`,
  );
  const server = await startLocalServer({ dataDir, port: Number(target.port || 3306) });
  if (!(await isAnswering(url))) {
    await server.stop();
    throw new Error(
      `Started a local server on ${where}, but it refuses DATABASE_URL's credentials: it has only root with no password.`,
    );
  }
  log(`Local database server running (pid ${server.pid}); it keeps running after this command.`);
  return server;
}

/** Server up, database created (utf8mb4), every migration applied. */
export async function ensureDatabase(url: string, log: Log = () => {}, dataDir = LOCAL_DATA_DIR) {
  const started = await ensureServer(url, log, dataDir);
  if (await createDatabase(url)) log(`Created database ${databaseName(url)}.`);
  await migrateDatabase(url);
  return started;
}

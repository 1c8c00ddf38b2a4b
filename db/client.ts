// Pool and Drizzle instance for a given URL. db/index.ts holds the app's one instance; scripts
// and tests build their own from here so they can point at throwaway databases.
import mysql from "mysql2/promise";
import { drizzle } from "drizzle-orm/mysql2";
import * as schema from "./schema";
import { retryDeadlocks } from "./retry-deadlocks";

export function createPool(url: string, options: { connectionLimit?: number } = {}) {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: options.connectionLimit ?? 10,
    // Fail fast when the server is gone (the API answers 503) instead of hanging a request.
    connectTimeout: 3_000,
    enableKeepAlive: true,
    // DATETIME columns hold UTC: convert JS Dates as UTC both ways, and make the server's
    // CURRENT_TIMESTAMP defaults UTC as well.
    timezone: "Z",
    supportBigNumbers: true,
    charset: "utf8mb4_unicode_ci",
    // mysql2 captures a stack trace for every query so an error can show its caller; measured at
    // ~1 % of a simple API request's CPU, it is kept for development and tests only.
    trace: process.env.NODE_ENV !== "production",
  });
  pool.pool.on("connection", (connection) => {
    connection.query("SET time_zone = '+00:00'");
    // On Galera, a read waits until its node has applied every write committed before it
    // anywhere, so a client that wrote through one node reads it back through any other. Harmless
    // on a single MariaDB server; MySQL has no such variable, and the refusal is ignored.
    connection.query("SET SESSION wsrep_sync_wait = 1", () => {});
  });
  // When a connection dies under a query (the server restarted), mysql2 hands the fatal error to
  // that query and keeps the dead connection in the pool, where every later query on it fails.
  // Drop it on release so the pool opens a fresh one.
  pool.pool.on("release", (connection) => {
    if ((connection as unknown as { _fatalError?: unknown })._fatalError) connection.destroy();
  });
  // A statement outside a transaction runs on the pool: if it lost a deadlock or, on Galera, a
  // certification conflict (two nodes upserting one rate-limit bucket, claiming one row), it was
  // rolled back whole and is run again. Transactions retry whole in db/transaction.ts.
  const { query, execute } = pool;
  pool.query = ((...args: Parameters<typeof query>) =>
    retryDeadlocks(() => query.apply(pool, args))) as typeof query;
  pool.execute = ((...args: Parameters<typeof execute>) =>
    retryDeadlocks(() => execute.apply(pool, args))) as typeof execute;
  return pool;
}

export function createDb(pool: mysql.Pool) {
  return drizzle(pool, { schema, mode: "default" });
}

export type Db = ReturnType<typeof createDb>;

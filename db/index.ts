// The app's database: one pool per process, created on first use (never at import, so `next
// build` needs no database) and kept on globalThis so dev hot reloads do not leak pools.
import "server-only";
import type { Pool } from "mysql2/promise";
import { env } from "@/lib/env";
import { createDb, createPool, type Db } from "./client";

const cache = globalThis as unknown as { __integrationsHubDb?: { pool: Pool; db: Db } };

function instance() {
  if (!cache.__integrationsHubDb) {
    const pool = createPool(env().DATABASE_URL, { connectionLimit: env().DATABASE_POOL_SIZE });
    cache.__integrationsHubDb = { pool, db: createDb(pool) };
  }
  return cache.__integrationsHubDb;
}

export function db(): Db {
  return instance().db;
}

export function pool(): Pool {
  return instance().pool;
}

export async function closeDb(): Promise<void> {
  const current = cache.__integrationsHubDb;
  cache.__integrationsHubDb = undefined;
  await current?.pool.end();
}

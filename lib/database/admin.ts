// Creating, migrating and dropping databases by name: db:ensure, the test runs and the
// benchmark all use these, so a throwaway database is made exactly like the real one.
import path from "node:path";
import mysql from "mysql2/promise";
import { migrate } from "drizzle-orm/mysql2/migrator";
import { createDb, createPool } from "@/db/client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

const SAFE_NAME = /^[A-Za-z0-9_]{1,64}$/;

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!SAFE_NAME.test(name)) {
    throw new Error(`DATABASE_URL must name a database of letters, digits and _ (got "${name}").`);
  }
  return name;
}

export function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function onServer<T>(url: string, work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection({ uri: withDatabase(url, ""), connectTimeout: 5_000 });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** Creates the URL's database when missing (utf8mb4, whatever the server's default). */
export async function createDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onServer(url, async (connection) => {
    const [result] = await connection.query<mysql.ResultSetHeader>(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    return result.warningStatus === 0;
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onServer(url, (connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``));
}

export async function migrateDatabase(url: string): Promise<void> {
  const pool = createPool(url, { connectionLimit: 1 });
  try {
    await migrate(createDb(pool), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await pool.end();
  }
}

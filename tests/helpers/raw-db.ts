// Direct SQL against the test database, for asserting on what is really stored.
import mysql from "mysql2/promise";

export async function rawQuery<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const connection = await mysql.createConnection({ uri: process.env.DATABASE_URL!, timezone: "Z" });
  try {
    await connection.query("SET time_zone = '+00:00'");
    const [rows] = await connection.query(sql, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;

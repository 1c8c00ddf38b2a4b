import { describe, expect, it } from "vitest";
import mysql from "mysql2/promise";
import { migrateDatabase } from "@/lib/database/admin";
import { withOwnDatabase } from "../helpers/own-database";

// Its own empty database, so it proves the migrations from nothing, not against the shared one.
const { url } = withOwnDatabase("mig", { migrate: false });

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    return (await connection.query(sql, params))[0] as T[];
  } finally {
    await connection.end();
  }
}

describe("migrations", () => {
  it("apply cleanly to an empty database, and again as a no-op", async () => {
    await migrateDatabase(url);
    await migrateDatabase(url);
    const tables = await query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["integration_submissions", "users"]));
  });

  it("create the database and tables in utf8mb4", async () => {
    const [schema] = await query<{ charset: string }>(
      "SELECT default_character_set_name AS charset FROM information_schema.schemata WHERE schema_name = DATABASE()",
    );
    expect(schema!.charset).toBe("utf8mb4");
    const collations = await query<{ c: string }>(
      "SELECT DISTINCT table_collation AS c FROM information_schema.tables WHERE table_schema = DATABASE()",
    );
    expect(collations.every((row) => row.c.startsWith("utf8mb4"))).toBe(true);
  });

  it("index every list filter with its sort key, ending in the primary key", async () => {
    const rows = await query<{ index_name: string; column_name: string }>(
      `SELECT index_name, column_name FROM information_schema.statistics
       WHERE table_schema = DATABASE() AND table_name = 'integration_submissions' ORDER BY index_name, seq_in_index`,
    );
    const indexes = new Map<string, string[]>();
    for (const row of rows)
      indexes.set(row.index_name, [...(indexes.get(row.index_name) ?? []), row.column_name]);
    const columns = [...indexes.values()].map((c) => c.join(","));
    for (const expected of [
      "submitted_at",
      "updated_at",
      "status,submitted_at",
      "status,updated_at",
      "integration_type,submitted_at",
      "integration_type,updated_at",
      "user_id,submitted_at",
      "user_id,updated_at",
      "integration_name",
      "user_email",
    ]) {
      expect(columns).toContain(expected);
    }
  });
});

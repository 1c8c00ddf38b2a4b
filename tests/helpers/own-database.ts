// A test file that needs a database to itself (counts, empty tables) gets a fresh migrated one
// next to the run's shared database, and this file's process uses it from then on.
import { afterAll, beforeAll } from "vitest";
import {
  createDatabase,
  databaseName,
  dropDatabase,
  migrateDatabase,
  withDatabase,
} from "@/lib/database/admin";

export function withOwnDatabase(label: string, options: { migrate?: boolean } = {}): { url: string } {
  const shared = process.env.DATABASE_URL!;
  const url = withDatabase(shared, `${databaseName(shared)}_${label}`);
  beforeAll(async () => {
    await createDatabase(url);
    if (options.migrate !== false) await migrateDatabase(url);
    process.env.DATABASE_URL = url;
  });
  afterAll(async () => {
    const { closeDb } = await import("@/db");
    await closeDb();
    process.env.DATABASE_URL = shared;
    await dropDatabase(url);
  });
  return { url };
}

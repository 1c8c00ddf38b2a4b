// The benchmark's own database (ih_bench_*): created and migrated exactly like the real one,
// seeded in bulk, and dropped afterwards whatever happens, under generated production secrets.
import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { ensureServer } from "@/lib/database/ensure";

export const ADMIN = { email: "admin@example.com", password: "admin-password" };

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The environment the app, the raw server and the in-process queries all share. */
export function benchEnvironment(url: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: `bench:${randomBytes(32).toString("base64")}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Request logs would measure the terminal, not the server.
    LOG_LEVEL: "warn",
    // One user submits thousands a minute here, by design.
    SUBMIT_LIMIT_PER_MINUTE: "0",
  };
}

export async function withBenchDatabase<T>(label: string, work: (url: string) => Promise<T>): Promise<T> {
  const server = process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/integrations";
  // Load and bulk inserts belong on this machine only, never on a shared server.
  if (!LOCAL_HOSTS.has(new URL(server).hostname))
    throw new Error("The benchmark runs only against a local database.");
  const url = withDatabase(server, `ih_bench_${label}_${randomBytes(3).toString("hex")}`);
  await ensureServer(server, console.log);
  await createDatabase(url);
  try {
    await migrateDatabase(url);
    return await work(url);
  } finally {
    await dropDatabase(url);
  }
}

/** Seeds `rows` submissions through lib/demo/seed (process.env must already point at the database). */
export async function seedRows(rows: number): Promise<void> {
  const { seed } = await import("@/lib/demo/seed");
  const started = Date.now();
  let reported = 0;
  await seed({
    rows,
    onProgress: (done, total) => {
      if (done - reported < total / 10 && done < total) return;
      reported = done;
      console.log(`  seeded ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
    },
  });
  console.log(`  ${rows.toLocaleString("en")} rows in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

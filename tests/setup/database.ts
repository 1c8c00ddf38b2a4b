// One throwaway database per test run, on the server DATABASE_URL points at (or a project-local
// one started on demand): created and migrated before the first test, dropped after the last.
import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { ensureServer } from "@/lib/database/ensure";

const server = process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/integrations";
const url = withDatabase(server, `ih_test_${process.pid}_${randomBytes(3).toString("hex")}`);

export async function setup() {
  await ensureServer(server, console.log);
  await createDatabase(url);
  await migrateDatabase(url);
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: `t1:${randomBytes(32).toString("base64")}`,
    ADMIN_EMAIL: "admin@example.com",
    ADMIN_PASSWORD: "admin-password",
    // Tests submit many times as one user and expect the admins' email at once; the tests of the
    // limit and of the batching set their own (tests/api/integrations-submit-limit.test.ts).
    SUBMIT_LIMIT_PER_MINUTE: "0",
    NOTIFICATION_BATCH_SECONDS: "0",
  });
}

export async function teardown() {
  await dropDatabase(url);
}

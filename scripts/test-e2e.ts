// npm run test:e2e: browser tests against the production build, on a throwaway database that is
// created, migrated and seeded here and dropped afterwards. Extra arguments go to Playwright.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { run } from "./cli";
import { ensureBrowser } from "./ensure-browser";
import { freePort } from "./free-port";
import { createDatabase, dropDatabase, migrateDatabase, withDatabase } from "@/lib/database/admin";
import { ensureServer } from "@/lib/database/ensure";

function step(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  return spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
}

// The build must not need the runtime's secrets or database: deployers build without them.
function buildWithoutSecrets(): number {
  const { AUTH_SECRET: _a, DATA_ENCRYPTION_KEY: _k, DATABASE_URL: _d, ...env } = process.env;
  return step("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
}

run(async () => {
  ensureBrowser();
  const server = process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/integrations";
  const url = withDatabase(server, `ih_e2e_${randomBytes(4).toString("hex")}`);
  await ensureServer(server, console.log);
  await createDatabase(url);
  try {
    await migrateDatabase(url);
    const port = await freePort();
    Object.assign(process.env, {
      NODE_ENV: "production",
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_ENCRYPTION_KEY: `e2e:${randomBytes(32).toString("base64")}`,
      ADMIN_EMAIL: "admin@example.com",
      ADMIN_PASSWORD: "admin-password",
      APP_URL: `http://127.0.0.1:${port}`,
      E2E_PORT: String(port),
    });
    const { seed } = await import("@/lib/demo/seed");
    await seed();
    const { closeDb } = await import("@/db");
    await closeDb();

    if (!process.argv.includes("--no-build") && buildWithoutSecrets() !== 0) {
      throw new Error("next build failed; see above.");
    }
    const args = process.argv.slice(2).filter((a) => a !== "--no-build");
    process.exitCode = step("npx", ["playwright", "test", ...args]);
  } finally {
    await dropDatabase(url);
  }
  if (process.exitCode) process.exit(process.exitCode);
});

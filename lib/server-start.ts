// What a server process does before its first request: a bad environment stops it here with
// one clear line (instead of a server that answers 500 to everything), the bootstrap admin from
// ADMIN_EMAIL/ADMIN_PASSWORD is created or updated, and the outbox's mail worker starts.
import { env, EnvError } from "./env";
import { log } from "./log";

export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
  await bootstrapAdmin();
  const { startMailWorker, stopMailWorker } = await import("./mail/worker");
  startMailWorker();
  process.once("SIGTERM", () => void stopMailWorker());
}

async function bootstrapAdmin(): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  try {
    const { upsertUser } = await import("./auth/accounts");
    await upsertUser({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, role: "admin" });
  } catch (error) {
    // The database may be down at boot; the server still starts and recovers when it returns.
    log.warn({ err: { code: (error as { code?: unknown }).code } }, "admin bootstrap skipped: database unavailable");
  }
}

// What a server process does before its first request: a bad environment stops it here with
// one clear line (instead of a server that answers 500 to everything), the bootstrap admin from
// ADMIN_EMAIL/ADMIN_PASSWORD is created or updated, the outbox's mail worker, the periodic
// purge of expired rows, the scheduled connection checks and the webhook worker start, and the
// server is given the way to end them cleanly.
import { env, EnvError } from "./env";
import { describeError } from "./http/errors";
import { log } from "./log";

// The server (scripts/server/worker.mjs) calls this hook once it has stopped accepting and
// answered every request it had: the first moment no request can still need the database. Then
// the mail worker's last deliveries finish (boundedly) and the pool ends each connection with a
// proper quit instead of a reset the database logs.
const APP_SHUTDOWN = Symbol.for("integrations-hub.shutdown");
const SHUTDOWN_TIMEOUT_MS = 5_000;

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
  const { startHousekeeping } = await import("./housekeeping");
  const stopHousekeeping = startHousekeeping();
  const { startConnectionChecks } = await import("./integrations/connection-health");
  const stopConnectionChecks = startConnectionChecks(env().CONNECTION_CHECK_HOURS);
  const { startWebhookWorker } = await import("./webhooks/worker");
  const stopWebhookWorker = startWebhookWorker();
  Reflect.set(globalThis, APP_SHUTDOWN, async () => {
    stopHousekeeping();
    stopConnectionChecks();
    stopWebhookWorker();
    const closed = (async () => {
      await stopMailWorker();
      const { closeDb } = await import("@/db");
      await closeDb();
      log.info("shutdown: mail worker stopped, database pool closed");
    })();
    const timeout = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref());
    await Promise.race([closed, timeout]).catch((error: unknown) =>
      log.warn({ err: describeError(error) }, "shutdown: closing the database pool failed"),
    );
  });
}

async function bootstrapAdmin(): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  try {
    const { upsertUser } = await import("./auth/accounts");
    await upsertUser({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, role: "admin" });
  } catch (error) {
    // The database may be down at boot; the server still starts and recovers when it returns.
    log.warn(
      { err: { code: (error as { code?: unknown }).code } },
      "admin bootstrap skipped: database unavailable",
    );
  }
}

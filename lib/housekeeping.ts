// Rows that matter only for a while: rate-limit windows that have closed, idempotency keys past
// their 24 h, signed-out sessions that would have expired by now anyway, and API key secrets
// whose rotation grace has ended, OAuth states past their 10 minutes, webhook deliveries finished
// 30 days ago. Every app process
// purges them every few minutes, a bounded batch at a time, so the tables stay the size of their
// live rows however long the app runs. Several processes doing it at once is harmless: each
// delete only removes what is already dead.
import "server-only";
import { purgeExpiredKeys } from "@/lib/integrations/idempotency";
import { describeError } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { purgeClosedWindows } from "@/lib/rate-limit";
import { purgeExpiredRevocations } from "@/lib/auth/session-revocation";
import { purgeEndedSecrets } from "@/lib/auth/api-keys";
import { purgeExpiredStates } from "@/lib/integrations/oauth-connect";
import { purgeOldDeliveries } from "@/lib/webhooks/deliveries";

const EVERY_MS = 5 * 60_000;
const BATCH = 5_000;

export async function purgeExpired(): Promise<{
  rateLimits: number;
  idempotencyKeys: number;
  revokedSessions: number;
  apiKeySecrets: number;
  oauthStates: number;
  webhookDeliveries: number;
}> {
  return {
    rateLimits: await purgeClosedWindows(BATCH),
    idempotencyKeys: await purgeExpiredKeys(BATCH),
    revokedSessions: await purgeExpiredRevocations(BATCH),
    apiKeySecrets: await purgeEndedSecrets(BATCH),
    oauthStates: await purgeExpiredStates(BATCH),
    webhookDeliveries: await purgeOldDeliveries(BATCH),
  };
}

/** Starts the periodic purge; the returned function stops it. */
export function startHousekeeping(): () => void {
  const timer = setInterval(() => {
    purgeExpired().then(
      (purged) => log.debug({ purged }, "housekeeping"),
      (error: unknown) => log.warn({ err: describeError(error) }, "housekeeping skipped"),
    );
  }, EVERY_MS);
  // Never the reason a process stays alive.
  timer.unref();
  return () => clearInterval(timer);
}

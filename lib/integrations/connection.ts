// Testing a connection (docs/api.md, "Connections"): the type's check (provider-checks.ts) sent
// through the URL guard with a 10 s timeout, its answer turned into a result and a sentence that
// never carries a credential or the provider's body. A stored submission's result is kept on its
// row and in its history; credentials tested before submitting leave nothing behind.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { transaction } from "@/db/transaction";
import { integrationSubmissions, type IntegrationSubmission } from "@/db/schema";
import type { AuthUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { AppError, errors } from "@/lib/http/errors";
import type { RequestInit } from "undici";
import { FetchTimeoutError, UnsafeUrlError, safeFetch } from "@/lib/http/safe-fetch";
import { hit } from "@/lib/rate-limit";
import { findVisible } from "./access";
import { typeName } from "./catalog";
import type { CheckResult, Connection, ConnectionStatus } from "./connection-status";
import { openData } from "@/lib/crypto/data-cipher";
import { queueConnectionAttention } from "@/lib/mail/notifications";
import { recordEvent, recordEvents } from "./events";
import { oauthProviders } from "./oauth-providers";
import { clientOf, freshTokens } from "./oauth-tokens";
import { providerChecks } from "./provider-checks";
import { queueWebhooks } from "@/lib/webhooks/emit";
import { kickWebhookWorker } from "@/lib/webhooks/worker";

type CheckRequest = { url: string; init: RequestInit };

export interface CheckOutcome {
  status: CheckResult;
  checkedAt: string;
  latencyMs: number;
  message: string;
}

const TIMEOUT_MS = 10_000;
const PER_SUBMISSION = { max: 10, windowSeconds: 60 };
const PER_USER = { max: 30, windowSeconds: 60 };

/** Where a submission's connection stands: its last check, else what its type allows. */
export function connectionOf(
  row: Pick<
    IntegrationSubmission,
    "integrationType" | "connectionStatus" | "connectionCheckedAt" | "connectionMessage"
  >,
): Connection {
  if (row.connectionStatus && row.connectionCheckedAt) {
    return {
      status: row.connectionStatus,
      checkedAt: row.connectionCheckedAt.toISOString(),
      message: row.connectionMessage,
    };
  }
  const status: ConnectionStatus = providerChecks[row.integrationType]
    ? "untested"
    : oauthProviders[row.integrationType]
      ? "not_connected"
      : "unsupported";
  return { status, checkedAt: null, message: null };
}

/** A type with neither a credential check nor OAuth has nothing to test. */
function refuseUntestable(type: string): void {
  if (providerChecks[type] || oauthProviders[type]) return;
  throw errors.conflict(`There is no connection check for ${typeName(type)}`, "not_testable");
}

const notConnected = (type: string) =>
  errors.conflict(
    `Connect ${typeName(type)} first: it is checked with the access it grants`,
    "not_connected",
  );

async function limited(bucket: string, limit: typeof PER_USER): Promise<void> {
  const state = await hit(bucket, limit);
  if (state.limited) throw errors.rateLimited(state.retryAfter);
}

const outcomeFrom =
  (started: number) =>
  (status: CheckResult, message: string): CheckOutcome => ({
    status,
    message,
    checkedAt: new Date().toISOString(),
    latencyMs: Date.now() - started,
  });

/** Sends a check; an unsafe URL is thrown (400) when `strictUrls`, else a failed result. */
async function send(
  name: string,
  request: CheckRequest,
  options: { strictUrls: boolean; refused: CheckResult; started: number },
): Promise<CheckOutcome> {
  const outcome = outcomeFrom(options.started);
  try {
    const response = await safeFetch(request.url, request.init, {
      allowPrivate: env().INTEGRATION_ALLOW_PRIVATE_URLS,
      timeoutMs: TIMEOUT_MS,
    });
    await response.body?.cancel();
    if (response.ok) return outcome("ok", `${name} accepted the credentials`);
    if (response.status === 401 || response.status === 403) {
      return options.refused === "needs_reauth"
        ? outcome(
            "needs_reauth",
            `${name} answered ${response.status}: the access was withdrawn, connect again`,
          )
        : outcome("failed", `${name} answered ${response.status}: the credentials were refused`);
    }
    return outcome("failed", `${name} answered ${response.status}`);
  } catch (error) {
    if (error instanceof UnsafeUrlError) {
      if (options.strictUrls) throw new AppError(400, "unsafe_url", `The ${name} address ${error.message}`);
      return outcome("failed", `The ${name} address ${error.message}, so it was not called`);
    }
    if (error instanceof FetchTimeoutError)
      return outcome("failed", `${name} did not answer within ${TIMEOUT_MS / 1000} s`);
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return outcome("failed", `Could not reach ${name}${typeof code === "string" ? ` (${code})` : ""}`);
  }
}

/** Checks a type's credentials (`data`), or for an OAuth type the tokens held for `submissionId`. */
async function runCheck(
  type: string,
  data: Record<string, unknown>,
  options: { strictUrls: boolean; submissionId?: number },
): Promise<CheckOutcome> {
  const name = typeName(type);
  const started = Date.now();
  const outcome = outcomeFrom(started);
  const provider = oauthProviders[type];
  if (provider) {
    const client = clientOf(data);
    if (!client || options.submissionId === undefined) throw notConnected(type);
    const fresh = await freshTokens(type, provider, client, options.submissionId);
    if (fresh.kind === "not_connected") throw notConnected(type);
    if (fresh.kind !== "tokens") return outcome(fresh.kind, fresh.message);
    return send(name, provider.check(fresh.tokens), { ...options, refused: "needs_reauth", started });
  }
  const request = providerChecks[type]!.request(data);
  if (!request) return outcome("failed", `Some of the ${name} credentials are missing, so nothing was sent`);
  return send(name, request, { ...options, refused: "failed", started });
}

/** A stored submission's check: its credentials, or the tokens held for it. */
export const checkStored = (row: IntegrationSubmission) =>
  runCheck(row.integrationType, openData(row.data), { strictUrls: false, submissionId: row.id });

/** POST /api/integrations/{id}/test: checks the stored credentials and records the result. */
export async function testStoredConnection(caller: AuthUser, id: number): Promise<CheckOutcome> {
  const row = await findVisible(caller, id);
  if (!row) throw errors.notFound();
  refuseUntestable(row.integrationType);
  await limited(`conntest:submission:${id}`, PER_SUBMISSION);
  const result = await checkStored(row);
  await recordCheck(row, caller, result);
  return result;
}

/** When a connection is checked again: CONNECTION_CHECK_HOURS from now, ±10 % so checks spread out. */
export function nextCheckAt(): Date | null {
  const hours = env().CONNECTION_CHECK_HOURS;
  if (hours === 0) return null;
  return new Date(Date.now() + hours * 3_600_000 * (0.9 + Math.random() * 0.2));
}

/**
 * Keeps a check's result on the submission and in its history, and schedules the next one. A
 * connection that stopped working (ok before, failed or needs_reauth now) emails its owner and
 * the admins, in the same transaction: once per change, however many checks find it so.
 */
export async function recordCheck(
  row: IntegrationSubmission,
  actor: AuthUser | null,
  result: CheckOutcome,
): Promise<void> {
  let hooks = 0;
  await transaction(async (tx) => {
    hooks = 0;
    await tx
      .update(integrationSubmissions)
      .set({
        connectionStatus: result.status,
        connectionCheckedAt: sql`CURRENT_TIMESTAMP(3)`,
        connectionMessage: result.message.slice(0, 255),
        connectionNextCheckAt: nextCheckAt(),
      })
      .where(eq(integrationSubmissions.id, row.id));
    await recordEvent(tx, row.id, actor, "connection_tested", {
      result: result.status,
      message: result.message,
      latencyMs: result.latencyMs,
    });
    if (row.connectionStatus === "ok" && result.status !== "ok") {
      await recordEvents(tx, row.id, await queueConnectionAttention(tx, row, result.status, result.message));
    }
    const from = connectionOf(row).status;
    if (from !== result.status) {
      hooks = await queueWebhooks(tx, row, [
        { type: "connection.status_changed", changes: { connection: { from, to: result.status } } },
      ]);
    }
  });
  if (hooks > 0) kickWebhookWorker();
}

/** POST /api/integrations/test: credentials checked before they are submitted; nothing stored. */
export async function testCredentials(
  caller: AuthUser,
  body: { integrationType: string; data: Record<string, unknown> },
): Promise<CheckOutcome> {
  refuseUntestable(body.integrationType);
  if (oauthProviders[body.integrationType]) throw notConnected(body.integrationType);
  await limited(`conntest:user:${caller.id}`, PER_USER);
  return runCheck(body.integrationType, body.data, { strictUrls: true });
}

// Testing a connection (docs/api.md, "Connections"): the type's check (provider-checks.ts) sent
// through the URL guard with a 10 s timeout, its answer turned into a result and a sentence that
// never carries a credential or the provider's body. A stored submission's result is kept on its
// row and in its history; credentials tested before submitting leave nothing behind.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { integrationSubmissions, type IntegrationSubmission } from "@/db/schema";
import type { AuthUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { AppError, errors } from "@/lib/http/errors";
import { FetchTimeoutError, UnsafeUrlError, safeFetch } from "@/lib/http/safe-fetch";
import { hit } from "@/lib/rate-limit";
import { findVisible } from "./access";
import { catalogEntry, typeName } from "./catalog";
import type { CheckResult, Connection, ConnectionStatus } from "./connection-status";
import { openData } from "@/lib/crypto/data-cipher";
import { recordEvent } from "./events";
import { providerChecks } from "./provider-checks";

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
    : catalogEntry(row.integrationType)?.oauth
      ? "not_connected"
      : "unsupported";
  return { status, checkedAt: null, message: null };
}

function refuseUntestable(type: string): void {
  if (providerChecks[type]) return;
  if (catalogEntry(type)?.oauth) {
    throw errors.conflict(
      `${typeName(type)} is checked through its OAuth connection, which is not set up yet`,
      "not_connected",
    );
  }
  throw errors.conflict(`There is no connection check for ${typeName(type)}`, "not_testable");
}

async function limited(bucket: string, limit: typeof PER_USER): Promise<void> {
  const state = await hit(bucket, limit);
  if (state.limited) throw errors.rateLimited(state.retryAfter);
}

/** Runs the type's check; an unsafe URL is thrown (400) when `strictUrls`, else a failed result. */
async function runCheck(
  type: string,
  data: Record<string, unknown>,
  strictUrls: boolean,
): Promise<CheckOutcome> {
  const name = typeName(type);
  const started = Date.now();
  const outcome = (status: CheckResult, message: string): CheckOutcome => ({
    status,
    message,
    checkedAt: new Date().toISOString(),
    latencyMs: Date.now() - started,
  });
  const request = providerChecks[type]!.request(data);
  if (!request) return outcome("failed", `Some of the ${name} credentials are missing, so nothing was sent`);
  try {
    const response = await safeFetch(request.url, request.init, {
      allowPrivate: env().INTEGRATION_ALLOW_PRIVATE_URLS,
      timeoutMs: TIMEOUT_MS,
    });
    await response.body?.cancel();
    if (response.ok) return outcome("ok", `${name} accepted the credentials`);
    if (response.status === 401 || response.status === 403) {
      return outcome("failed", `${name} answered ${response.status}: the credentials were refused`);
    }
    return outcome("failed", `${name} answered ${response.status}`);
  } catch (error) {
    if (error instanceof UnsafeUrlError) {
      if (strictUrls) throw new AppError(400, "unsafe_url", `The ${name} address ${error.message}`);
      return outcome("failed", `The ${name} address ${error.message}, so it was not called`);
    }
    if (error instanceof FetchTimeoutError)
      return outcome("failed", `${name} did not answer within ${TIMEOUT_MS / 1000} s`);
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return outcome("failed", `Could not reach ${name}${typeof code === "string" ? ` (${code})` : ""}`);
  }
}

/** POST /api/integrations/{id}/test: checks the stored credentials and records the result. */
export async function testStoredConnection(caller: AuthUser, id: number): Promise<CheckOutcome> {
  const row = await findVisible(caller, id);
  if (!row) throw errors.notFound();
  refuseUntestable(row.integrationType);
  await limited(`conntest:submission:${id}`, PER_SUBMISSION);
  const result = await runCheck(row.integrationType, openData(row.data), false);
  await db().transaction(async (tx) => {
    await tx
      .update(integrationSubmissions)
      .set({
        connectionStatus: result.status,
        connectionCheckedAt: sql`CURRENT_TIMESTAMP(3)`,
        connectionMessage: result.message.slice(0, 255),
      })
      .where(eq(integrationSubmissions.id, id));
    await recordEvent(tx, id, caller, "connection_tested", {
      result: result.status,
      message: result.message,
      latencyMs: result.latencyMs,
    });
  });
  return result;
}

/** POST /api/integrations/test: credentials checked before they are submitted; nothing stored. */
export async function testCredentials(
  caller: AuthUser,
  body: { integrationType: string; data: Record<string, unknown> },
): Promise<CheckOutcome> {
  refuseUntestable(body.integrationType);
  await limited(`conntest:user:${caller.id}`, PER_USER);
  return runCheck(body.integrationType, body.data, true);
}

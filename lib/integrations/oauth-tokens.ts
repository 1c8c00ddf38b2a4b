// The tokens the hub holds for an OAuth connection: obtained at the callback, kept sealed with
// the data cipher, renewed before they expire. A renewal is claimed in the database first, so
// when several requests and several processes need a fresh token at the same moment, one of them
// spends the refresh token (Bullhorn's work once) and the others wait for what it stored. A
// refusal (invalid_grant) drops the tokens and marks the connection needs_reauth.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { hasErrorCode } from "@/db/errors";
import { transaction, type Tx } from "@/db/transaction";
import { integrationSubmissions, integrationTokens } from "@/db/schema";
import { openData, sealData } from "@/lib/crypto/data-cipher";
import { env } from "@/lib/env";
import { safeFetch } from "@/lib/http/safe-fetch";
import { typeName } from "./catalog";
import { recordEvent } from "./events";
import type { OAuthProvider, ProviderTokens } from "./oauth-providers";

const TIMEOUT_MS = 10_000;
/** Renew this long before the provider's expiry, so no call starts with a token about to die. */
const EARLY_MS = 60_000;
/** A renewal claim outlives the token request's own timeout, so two never overlap. */
const CLAIM_MS = 30_000;
const WAIT_STEP_MS = 150;

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive().optional(),
  api: z.url({ protocol: /^https?$/ }).optional(),
});

/** The answer of a token request: tokens, a refusal (the grant is dead), or a failure to retry. */
export type TokenOutcome =
  | { kind: "tokens"; tokens: ProviderTokens; expiresIn?: number }
  | { kind: "refused"; message: string }
  | { kind: "failed"; message: string };

/** The client the customer registered with the provider, from the submission's data. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export function clientOf(data: Record<string, unknown>): OAuthClient | undefined {
  const { clientId, clientSecret } = data;
  return typeof clientId === "string" && clientId && typeof clientSecret === "string" && clientSecret
    ? { clientId, clientSecret }
    : undefined;
}

// An OAuth error code is a short word from a fixed vocabulary (RFC 6749 §5.2): it may be shown;
// anything else in the provider's body may not.
const oauthErrorCode = (body: unknown) => {
  const code = (body as { error?: unknown } | null)?.error;
  return typeof code === "string" && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
};

/** POSTs a grant to the provider's token endpoint (RFC 6749 §4.1.3 and §6). */
export async function requestTokens(
  type: string,
  provider: OAuthProvider,
  client: OAuthClient,
  grant: Record<string, string>,
): Promise<TokenOutcome> {
  const name = typeName(type);
  let response;
  try {
    response = await safeFetch(
      provider.tokenUrl(),
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({
          ...grant,
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }).toString(),
      },
      { allowPrivate: env().INTEGRATION_ALLOW_PRIVATE_URLS, timeoutMs: TIMEOUT_MS },
    );
  } catch {
    return { kind: "failed", message: `Could not reach ${name}'s sign-in service` };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = tokenAnswer.safeParse(body);
    if (!parsed.success) return { kind: "failed", message: `${name} answered without a usable token` };
    const { access_token, refresh_token, expires_in, api } = parsed.data;
    return {
      kind: "tokens",
      tokens: { accessToken: access_token, refreshToken: refresh_token, apiUrl: api },
      expiresIn: expires_in,
    };
  }
  const code = oauthErrorCode(body);
  const said = `${name} answered ${response.status}${code ? ` (${code})` : ""}`;
  return response.status === 400 || response.status === 401
    ? { kind: "refused", message: said }
    : { kind: "failed", message: said };
}

const expiryOf = (expiresIn: number | undefined) =>
  expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000);

/** Keeps a connection's tokens (a new connection replaces the old one's). */
export async function storeTokens(
  tx: Tx,
  submissionId: number,
  tokens: ProviderTokens,
  expiresIn: number | undefined,
): Promise<void> {
  const values = { sealed: sealData({ ...tokens }), expiresAt: expiryOf(expiresIn) };
  await tx
    .insert(integrationTokens)
    .values({ submissionId, ...values })
    .onDuplicateKeyUpdate({
      set: {
        ...values,
        version: sql`${integrationTokens.version} + 1`,
        refreshClaim: null,
        refreshClaimedUntil: null,
        connectedAt: sql`CURRENT_TIMESTAMP(3)`,
        refreshedAt: null,
      },
    });
}

/** What a caller of freshTokens gets: tokens to use, or why there are none. */
export type FreshTokens =
  | { kind: "tokens"; tokens: ProviderTokens }
  | { kind: "not_connected" }
  | { kind: "needs_reauth"; message: string }
  | { kind: "failed"; message: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tokens that are good for at least another minute, renewed first when they are not. Whoever
 * claims the renewal spends the refresh token; everyone else waits (up to the claim's length)
 * for the version it stores.
 */
export async function freshTokens(
  type: string,
  provider: OAuthProvider,
  client: OAuthClient,
  submissionId: number,
): Promise<FreshTokens> {
  const deadline = Date.now() + CLAIM_MS + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const [row] = await db()
      .select()
      .from(integrationTokens)
      .where(eq(integrationTokens.submissionId, submissionId));
    if (!row) return { kind: "not_connected" };
    const tokens = openData(row.sealed) as unknown as ProviderTokens;
    if (!row.expiresAt || row.expiresAt.getTime() - Date.now() > EARLY_MS) return { kind: "tokens", tokens };
    if (!tokens.refreshToken) {
      return markNeedsReauth(
        submissionId,
        row.version,
        `${typeName(type)} access expired and cannot be renewed`,
      );
    }
    const claim = randomUUID();
    const claimed = await db()
      .update(integrationTokens)
      .set({ refreshClaim: claim, refreshClaimedUntil: new Date(Date.now() + CLAIM_MS) })
      .where(
        and(
          eq(integrationTokens.submissionId, submissionId),
          eq(integrationTokens.version, row.version),
          or(
            isNull(integrationTokens.refreshClaim),
            lt(integrationTokens.refreshClaimedUntil, sql`CURRENT_TIMESTAMP(3)`),
          ),
        ),
      )
      // Two nodes of a multi-primary cluster claiming at once: the loser's certification fails.
      .then(
        ([result]) => result.affectedRows,
        (error: unknown) => {
          if (hasErrorCode(error, "ER_LOCK_DEADLOCK")) return 0;
          throw error;
        },
      );
    if (claimed === 1) {
      return renew(type, provider, client, submissionId, row.version, claim, tokens);
    }
    await sleep(WAIT_STEP_MS);
  }
  return { kind: "failed", message: `Renewing ${typeName(type)} access took too long; try again` };
}

async function renew(
  type: string,
  provider: OAuthProvider,
  client: OAuthClient,
  submissionId: number,
  version: number,
  claim: string,
  tokens: ProviderTokens,
): Promise<FreshTokens> {
  const answer = await requestTokens(type, provider, client, {
    grant_type: "refresh_token",
    refresh_token: tokens.refreshToken!,
  });
  const ours = and(
    eq(integrationTokens.submissionId, submissionId),
    eq(integrationTokens.refreshClaim, claim),
  );
  if (answer.kind === "tokens") {
    // A provider that does not rotate refresh tokens answers none (the old one stays good), and
    // one that named the API root at the callback may not name it again.
    const renewed: ProviderTokens = {
      accessToken: answer.tokens.accessToken,
      refreshToken: answer.tokens.refreshToken ?? tokens.refreshToken,
      apiUrl: answer.tokens.apiUrl ?? tokens.apiUrl,
    };
    await db()
      .update(integrationTokens)
      .set({
        sealed: sealData({ ...renewed }),
        expiresAt: expiryOf(answer.expiresIn),
        version: sql`${integrationTokens.version} + 1`,
        refreshClaim: null,
        refreshClaimedUntil: null,
        refreshedAt: sql`CURRENT_TIMESTAMP(3)`,
      })
      .where(ours);
    return { kind: "tokens", tokens: renewed };
  }
  if (answer.kind === "refused") {
    return markNeedsReauth(submissionId, version, `${answer.message} when renewing access: connect again`);
  }
  await db().update(integrationTokens).set({ refreshClaim: null, refreshClaimedUntil: null }).where(ours);
  return { kind: "failed", message: `${answer.message} when renewing access` };
}

/** The grant is dead: the tokens go, and the connection says so (in its history too). */
async function markNeedsReauth(submissionId: number, version: number, message: string): Promise<FreshTokens> {
  await transaction(async (tx) => {
    const [dropped] = await tx
      .delete(integrationTokens)
      .where(and(eq(integrationTokens.submissionId, submissionId), eq(integrationTokens.version, version)));
    if (dropped.affectedRows === 0) return;
    await tx
      .update(integrationSubmissions)
      .set({
        connectionStatus: "needs_reauth",
        connectionCheckedAt: sql`CURRENT_TIMESTAMP(3)`,
        connectionMessage: message.slice(0, 255),
      })
      .where(eq(integrationSubmissions.id, submissionId));
    await recordEvent(tx, submissionId, null, "refresh_failed", { message });
  });
  return { kind: "needs_reauth", message };
}

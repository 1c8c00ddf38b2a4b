// "Connect" for the OAuth systems (docs/api.md, "Connections"): the owner is sent to the
// provider's consent page with a `state` bound to them, to the submission and to the next 10
// minutes (and a PKCE challenge where the provider takes one); the provider sends them back to
// the callback, which spends the state once, exchanges the code and keeps the tokens sealed.
// Anything wrong with the state, a refusal on the consent page or a failed exchange stores no
// token and ends on a page that says which it was.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { transaction } from "@/db/transaction";
import { integrationSubmissions, oauthStates } from "@/db/schema";
import type { AuthUser } from "@/lib/auth/user";
import { openData, sealData } from "@/lib/crypto/data-cipher";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import { hit } from "@/lib/rate-limit";
import { findVisible } from "./access";
import { connectionOf, nextCheckAt } from "./connection";
import { queueWebhooks } from "@/lib/webhooks/emit";
import { kickWebhookWorker } from "@/lib/webhooks/worker";
import { typeName } from "./catalog";
import { recordEvent } from "./events";
import { oauthProviders } from "./oauth-providers";
import { clientOf, requestTokens, storeTokens } from "./oauth-tokens";
import type { CallbackQuery } from "./schemas";

const STATE_TTL_MS = 10 * 60_000;
const CONNECTS_PER_USER = { max: 20, windowSeconds: 60 };

/** Why a connection did not finish; the callback shows the page for it (connection-problems.ts). */
export class ConnectProblem extends Error {
  override name = "ConnectProblem";
  constructor(
    readonly reason: ConnectProblemReason,
    readonly submissionId?: number,
  ) {
    super(reason);
  }
}

export type ConnectProblemReason =
  | "state_missing"
  | "state_unknown"
  | "state_expired"
  | "state_used"
  | "state_foreign"
  | "denied"
  | "exchange_failed";

/** Where the provider sends people back: what the form tells them to register. */
export const callbackUrl = (type: string) =>
  new URL(`/api/integrations/${type}/callback`, env().APP_URL).toString();

const hashOf = (state: string) => createHash("sha256").update(state).digest("hex");
const random = () => randomBytes(32).toString("base64url");

/** GET /api/integrations/{id}/connect: the provider's consent page for this submission. */
export async function connectUrl(caller: AuthUser, id: number): Promise<string> {
  const row = await findVisible(caller, id);
  if (!row) throw errors.notFound();
  if (row.userId !== caller.id) {
    throw errors.forbidden("Only the person who asked for this integration can connect it");
  }
  const provider = oauthProviders[row.integrationType];
  if (!provider) {
    throw errors.conflict(`${typeName(row.integrationType)} is not connected through OAuth`, "not_oauth");
  }
  const client = clientOf(openData(row.data));
  if (!client) {
    throw errors.conflict(
      `Add the client ID and secret of your ${typeName(row.integrationType)} application first`,
      "missing_client",
    );
  }
  const limit = await hit(`connect:user:${caller.id}`, CONNECTS_PER_USER);
  if (limit.limited) throw errors.rateLimited(limit.retryAfter);

  const state = random();
  const verifier = provider.pkce ? random() : undefined;
  await db()
    .insert(oauthStates)
    .values({
      stateHash: hashOf(state),
      submissionId: id,
      userId: caller.id,
      verifier: verifier ? sealData({ verifier }) : null,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
  const url = new URL(provider.authorizeUrl());
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: client.clientId,
    redirect_uri: callbackUrl(row.integrationType),
    state,
    ...(provider.scope ? { scope: provider.scope } : {}),
    ...(verifier
      ? {
          code_challenge: createHash("sha256").update(verifier).digest("base64url"),
          code_challenge_method: "S256",
        }
      : {}),
    ...provider.authorizeParams,
  }).toString();
  return url.toString();
}

/** Spends the state once: the row it names, if it is the caller's, unused and unexpired. */
async function spendState(caller: AuthUser, state: string | undefined) {
  if (!state) throw new ConnectProblem("state_missing");
  const [row] = await db()
    .select()
    .from(oauthStates)
    .where(eq(oauthStates.stateHash, hashOf(state)));
  if (!row) throw new ConnectProblem("state_unknown");
  // Someone else's state is left as it is: its owner may still finish.
  if (row.userId !== caller.id) throw new ConnectProblem("state_foreign");
  if (row.usedAt) throw new ConnectProblem("state_used");
  if (row.expiresAt.getTime() <= Date.now()) throw new ConnectProblem("state_expired");
  const [spent] = await db()
    .update(oauthStates)
    .set({ usedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(and(eq(oauthStates.stateHash, row.stateHash), isNull(oauthStates.usedAt)));
  // Two callbacks with one state at once: the second finds it spent.
  if (spent.affectedRows !== 1) throw new ConnectProblem("state_used");
  return row;
}

/** GET /api/integrations/{type}/callback: the submission now connected, or a ConnectProblem. */
export async function finishConnect(caller: AuthUser, type: string, query: CallbackQuery): Promise<number> {
  const state = await spendState(caller, query.state);
  const row = await findVisible(caller, state.submissionId);
  const provider = oauthProviders[type];
  if (!row || row.integrationType !== type || !provider) throw new ConnectProblem("state_unknown");
  const name = typeName(type);
  const failed = async (reason: ConnectProblemReason, message: string): Promise<never> => {
    await recordEvent(db(), row.id, caller, "connect_failed", { message });
    throw new ConnectProblem(reason, row.id);
  };
  if (query.error || !query.code) {
    return failed(
      "denied",
      query.error === "access_denied"
        ? `Access was not granted on ${name}'s consent page`
        : `${name} sent no authorization code`,
    );
  }
  const client = clientOf(openData(row.data));
  if (!client) return failed("exchange_failed", `The ${name} client ID and secret are missing`);
  const verifier = state.verifier ? (openData(state.verifier).verifier as string) : undefined;
  const answer = await requestTokens(type, provider, client, {
    grant_type: "authorization_code",
    code: query.code,
    redirect_uri: callbackUrl(type),
    ...(verifier ? { code_verifier: verifier } : {}),
  });
  if (answer.kind !== "tokens") return failed("exchange_failed", answer.message);
  const message = `Connected to ${name}`;
  let hooks = 0;
  await transaction(async (tx) => {
    hooks = 0;
    await storeTokens(tx, row.id, answer.tokens, answer.expiresIn);
    await tx
      .update(integrationSubmissions)
      .set({
        connectionStatus: "ok",
        connectionCheckedAt: sql`CURRENT_TIMESTAMP(3)`,
        connectionMessage: message,
        connectionNextCheckAt: nextCheckAt(),
      })
      .where(eq(integrationSubmissions.id, row.id));
    await recordEvent(tx, row.id, caller, "connected", { message });
    const from = connectionOf(row).status;
    if (from !== "ok") {
      hooks = await queueWebhooks(tx, row, [
        { type: "connection.status_changed", changes: { connection: { from, to: "ok" } } },
      ]);
    }
  });
  if (hooks > 0) kickWebhookWorker();
  return row.id;
}

/** Housekeeping: states past their 10 minutes, used or not. */
export async function purgeExpiredStates(batch: number): Promise<number> {
  const [result] = await db()
    .delete(oauthStates)
    .where(lte(oauthStates.expiresAt, sql`CURRENT_TIMESTAMP(3)`))
    .limit(batch);
  return result.affectedRows;
}

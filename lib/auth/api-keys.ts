// Managing API keys (docs/api.md, "API keys"): create, list, revoke, rotate. A key's secret is
// returned once, when it is made, and stored only as a hash (lib/auth/api-key-credential.ts).
// Owners manage their own keys; an admin sees and revokes everyone's. Someone else's key is a
// 404, as an integration is: its existence is not for them to learn.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, lte, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { transaction, type Tx } from "@/db/transaction";
import { apiKeySecrets, apiKeys, users } from "@/db/schema";
import { errors } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { PREFIX_LENGTH, hashSecret, parseScopes } from "./api-key-credential";
import type { ApiScope } from "./scopes";
import { isAdmin, type AuthUser } from "./user";

const MAX_KEYS_PER_USER = 100;

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  userEmail?: string;
}

export interface NewKey {
  key: ApiKeyView;
  /** The only time the secret is ever available. */
  secret: string;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

// The key's current secret is the one no rotation has given an end.
const currentPrefix = sql<string>`(select ${apiKeySecrets.prefix} from ${apiKeySecrets}
  where ${apiKeySecrets.keyId} = ${apiKeys.id} and ${apiKeySecrets.expiresAt} is null limit 1)`;

async function readKeys(where: SQL | undefined, withEmail: boolean): Promise<ApiKeyView[]> {
  const rows = await db()
    .select({ key: apiKeys, prefix: currentPrefix, userEmail: users.email })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(where)
    .orderBy(asc(apiKeys.id));
  return rows.map(({ key, prefix, userEmail }) => ({
    id: key.id,
    name: key.name,
    prefix: `${prefix}…`,
    scopes: parseScopes(key.scopes),
    createdAt: key.createdAt.toISOString(),
    expiresAt: iso(key.expiresAt),
    lastUsedAt: iso(key.lastUsedAt),
    lastUsedIp: key.lastUsedIp,
    ...(withEmail ? { userEmail } : {}),
  }));
}

/** The caller's keys, or (an admin asking for all) everyone's with their owner's email. */
export async function listApiKeys(caller: AuthUser, all: boolean): Promise<ApiKeyView[]> {
  if (all && !isAdmin(caller)) throw errors.forbidden("Only an admin can list every key");
  return readKeys(all ? undefined : eq(apiKeys.userId, caller.id), all);
}

async function insertSecret(tx: Tx, keyId: number): Promise<string> {
  const secret = `ih_${randomBytes(32).toString("base64url")}`;
  await tx
    .insert(apiKeySecrets)
    .values({ prefix: secret.slice(0, PREFIX_LENGTH), keyId, hash: hashSecret(secret) });
  return secret;
}

async function viewOf(keyId: number): Promise<ApiKeyView> {
  const [key] = await readKeys(eq(apiKeys.id, keyId), false);
  return key!;
}

export async function createApiKey(
  owner: AuthUser,
  input: { name: string; scopes: ApiScope[]; expiresAt?: Date },
): Promise<NewKey> {
  if (input.scopes.includes("admin") && !isAdmin(owner)) {
    throw errors.forbidden("Only an admin can create a key with the admin scope");
  }
  const { keyId, secret } = await transaction(async (tx) => {
    // Locks the owner's row, so two creations at once cannot both pass the count.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, owner.id)).for("update");
    const [held] = await tx.select({ keys: count() }).from(apiKeys).where(eq(apiKeys.userId, owner.id));
    if (held!.keys >= MAX_KEYS_PER_USER) {
      throw errors.conflict(`You have ${MAX_KEYS_PER_USER} keys already; revoke one first`, "too_many_keys");
    }
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        userId: owner.id,
        name: input.name,
        scopes: input.scopes.join(" "),
        expiresAt: input.expiresAt ?? null,
      })
      .$returningId();
    const id = inserted!.id;
    return { keyId: id, secret: await insertSecret(tx, id) };
  });
  log.info({ userId: owner.id, keyId, scopes: input.scopes }, "api key created");
  return { key: await viewOf(keyId), secret };
}

// A key the caller may manage: their own, or any for an admin.
const managed = (caller: AuthUser, keyId: number) =>
  isAdmin(caller) ? eq(apiKeys.id, keyId) : and(eq(apiKeys.id, keyId), eq(apiKeys.userId, caller.id));

export const keyNotFound = () => errors.notFound("API key not found");

/** Deletes the key and its secrets: the next request with it, on any instance, is a 401. */
export async function revokeApiKey(caller: AuthUser, keyId: number): Promise<void> {
  await transaction(async (tx) => {
    const [result] = await tx.delete(apiKeys).where(managed(caller, keyId));
    if (result.affectedRows === 0) throw keyNotFound();
    await tx.delete(apiKeySecrets).where(eq(apiKeySecrets.keyId, keyId));
  });
  log.info({ userId: caller.id, keyId }, "api key revoked");
}

/**
 * A new secret for the key. The secrets it had stay valid for `graceSeconds` more (never longer
 * than they already would), so a service can switch without a failed request; 0 ends them now.
 */
export async function rotateApiKey(caller: AuthUser, keyId: number, graceSeconds: number): Promise<NewKey> {
  const secret = await transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(managed(caller, keyId))
      .for("update");
    if (!key) throw keyNotFound();
    const ofKey = eq(apiKeySecrets.keyId, keyId);
    if (graceSeconds === 0) {
      await tx.delete(apiKeySecrets).where(ofKey);
    } else {
      const end = sql`CURRENT_TIMESTAMP(3) + INTERVAL ${graceSeconds} SECOND`;
      await tx
        .update(apiKeySecrets)
        .set({ expiresAt: sql`LEAST(COALESCE(${apiKeySecrets.expiresAt}, ${end}), ${end})` })
        .where(ofKey);
    }
    return insertSecret(tx, keyId);
  });
  log.info({ userId: caller.id, keyId, graceSeconds }, "api key rotated");
  return { key: await viewOf(keyId), secret };
}

/** Deletes up to `batch` secrets whose rotation grace has ended (housekeeping). */
export async function purgeEndedSecrets(batch: number): Promise<number> {
  const [result] = await db()
    .delete(apiKeySecrets)
    .where(lte(apiKeySecrets.expiresAt, sql`CURRENT_TIMESTAMP(3)`))
    .limit(batch);
  return result.affectedRows;
}

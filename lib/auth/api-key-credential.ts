// Checking a presented API key: the hot path of every request a service makes with one. One
// statement reads the secret by its prefix with its key and owner; the hash is compared in
// constant time. The key's last use is written at most once a minute per key and process, so a
// busy service does not turn every read into a write.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { eq, getTableColumns, sql } from "drizzle-orm";
import { db } from "@/db";
import { prepared } from "@/db/prepared";
import { apiKeySecrets, apiKeys, users } from "@/db/schema";
import { apiScopes, type ApiScope } from "./scopes";
import type { AuthUser } from "./user";

const SECRET = /^ih_[A-Za-z0-9_-]{43}$/;
/** `ih_` and 12 characters of the secret: 72 random bits, unique, and safe to show. */
export const PREFIX_LENGTH = 15;
const LAST_USE_EVERY_MS = 60_000;

export const isApiKey = (token: string) => token.startsWith("ih_");

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export const parseScopes = (stored: string): ApiScope[] =>
  stored.split(" ").filter((scope): scope is ApiScope => (apiScopes as readonly string[]).includes(scope));

const secretWithKey = prepared((database) =>
  database
    .select({
      hash: apiKeySecrets.hash,
      secretExpiresAt: apiKeySecrets.expiresAt,
      keyId: apiKeys.id,
      scopes: apiKeys.scopes,
      keyExpiresAt: apiKeys.expiresAt,
      user: getTableColumns(users),
    })
    .from(apiKeySecrets)
    .innerJoin(apiKeys, eq(apiKeys.id, apiKeySecrets.keyId))
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeySecrets.prefix, sql.placeholder("prefix")))
    .limit(1)
    .prepare(),
);

const lastWritten = new Map<number, number>();

async function recordUse(keyId: number, address: string): Promise<void> {
  const now = Date.now();
  if (now - (lastWritten.get(keyId) ?? 0) < LAST_USE_EVERY_MS) return;
  lastWritten.set(keyId, now);
  await db()
    .update(apiKeys)
    .set({ lastUsedAt: sql`CURRENT_TIMESTAMP(3)`, lastUsedIp: address })
    .where(eq(apiKeys.id, keyId));
}

const expired = (at: Date | null) => at !== null && at.getTime() <= Date.now();

/**
 * The user a key acts as, with the key's scopes, or undefined for a key that is malformed,
 * unknown, revoked, expired (the key, or a secret a rotation replaced) or whose owner is
 * disabled. The role is admin only while the key has the `admin` scope and its owner is one.
 */
export async function apiKeyUser(secret: string, address: string): Promise<AuthUser | undefined> {
  if (!SECRET.test(secret)) return undefined;
  const [row] = await secretWithKey().execute({ prefix: secret.slice(0, PREFIX_LENGTH) });
  if (!row) return undefined;
  const presented = Buffer.from(hashSecret(secret), "hex");
  if (!timingSafeEqual(presented, Buffer.from(row.hash, "hex"))) return undefined;
  if (expired(row.secretExpiresAt) || expired(row.keyExpiresAt) || row.user.disabled) return undefined;
  await recordUse(row.keyId, address);
  const scopes = parseScopes(row.scopes);
  const { id, email, name, role } = row.user;
  return {
    id,
    email,
    name,
    role: role === "admin" && scopes.includes("admin") ? "admin" : "user",
    key: { id: row.keyId, scopes },
  };
}

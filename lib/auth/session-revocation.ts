// Ending sessions and tokens before they expire. Sessions and API tokens are signed JWTs the
// server keeps nothing of, so an ended one must be refused by a check it cannot outlive:
// - "Sign out" lists that one session (by the `sid` it was given at sign-in) in revoked_sessions
//   until it would have expired;
// - "Sign out everywhere" (POST /api/auth/revoke) and disabling a user set the user's
//   tokens_valid_after, which refuses every session and token issued before it, even after the
//   user is enabled again.
// Both are read with the user on every request (requireUser, and next-auth's session callback).
import "server-only";
import { eq, getTableColumns, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { prepared } from "@/db/prepared";
import { revokedSessions, users, type User } from "@/db/schema";

/** Who presented a session or token, and when it was issued (ms since the epoch). */
export interface Credential {
  userId: number;
  issuedAt: number;
  /** Sessions only: the id given at sign-in. */
  sid?: string;
}

export async function revokeSession(sid: string, userId: number, expiresAt: Date): Promise<void> {
  await db().insert(revokedSessions).ignore().values({ sid, userId, expiresAt });
}

/** Every session and token of the user issued until now stops working; false: no such user. */
export async function revokeAllTokens(userId: number): Promise<boolean> {
  const [result] = await db()
    .update(users)
    .set({ tokensValidAfter: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(users.id, userId));
  return result.affectedRows > 0;
}

// The user and whether the session was signed out, in one read: run by every cookie request.
const userWithSession = prepared((database) =>
  database
    .select({
      ...getTableColumns(users),
      revoked: sql<number>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sql.placeholder("sid")})`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .limit(1)
    .prepare(),
);

/** The user behind a session, with whether that session was signed out. */
export async function findSessionUser(
  userId: number,
  sid: string,
): Promise<(User & { revoked: boolean }) | undefined> {
  const [row] = await userWithSession().execute({ id: userId, sid });
  return row && { ...row, revoked: Boolean(Number(row.revoked)) };
}

/**
 * What a next-auth session token names. A session from before sessions had an id cannot be
 * signed out, so it names no one.
 */
export function sessionTokenCredential(token: {
  sub?: unknown;
  sid?: unknown;
  authAt?: unknown;
}): Credential | undefined {
  const userId = Number(token.sub);
  const { sid, authAt } = token;
  if (!Number.isSafeInteger(userId) || userId <= 0) return undefined;
  if (typeof sid !== "string" || typeof authAt !== "number") return undefined;
  return { userId, issuedAt: authAt, sid };
}

/** The user, while the credential still lets them act: not gone, disabled, signed out or revoked since. */
export function actingUser<U extends User & { revoked?: boolean }>(
  user: U | undefined,
  credential: Credential,
): U | undefined {
  if (!user || user.disabled || user.revoked === true || issuedBeforeRevocation(user, credential))
    return undefined;
  return user;
}

/**
 * Whether a credential was ended by tokens_valid_after. API tokens carry their issue time in whole
 * seconds, so one issued in the same second as the revocation counts as issued before it: refused
 * at worst a second too long, never accepted after it should have ended.
 */
const issuedBeforeRevocation = (user: Pick<User, "tokensValidAfter">, credential: Credential) =>
  user.tokensValidAfter !== null && credential.issuedAt <= user.tokensValidAfter.getTime();

/** Deletes up to `batch` revocations of sessions that have expired anyway (housekeeping). */
export async function purgeExpiredRevocations(batch: number): Promise<number> {
  const [result] = await db()
    .delete(revokedSessions)
    .where(lte(revokedSessions.expiresAt, sql`CURRENT_TIMESTAMP(3)`))
    .limit(batch);
  return result.affectedRows;
}

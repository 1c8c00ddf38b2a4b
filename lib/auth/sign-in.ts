// Email + password authentication, shared by the web sign-in and POST /api/auth/token, with the
// brute-force guard. Failures are counted per (email, address) pair and per address, never per
// email alone: a per-email lock would let anyone lock anyone out by failing five times with their
// email, and refuse the owner's right password from their own machine (docs/security.md).
import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import { hit, reset, unhit, type Limit } from "@/lib/rate-limit";
import { findUserByEmail, normalizeEmail } from "./accounts";
import { verifyPassword } from "./password";
import type { AuthUser } from "./user";

/** Guesses at one account from one address. */
const PER_PAIR: Limit = { max: 5, windowSeconds: 15 * 60 };
/** Guesses from one address at any accounts (password spraying). */
const PER_ADDRESS: Limit = { max: 20, windowSeconds: 15 * 60 };

const INVALID = "Invalid email or password";

/** PASSWORD_SIGNIN=false: passwords are never checked, so none can be guessed (a route's `before`). */
export function requirePasswordSignIn(): void {
  if (!env().PASSWORD_SIGNIN) {
    throw errors.forbidden(
      `Password sign-in is turned off: sign in with ${env().OIDC_NAME}, or use an API key`,
    );
  }
}

// Hashed: a fixed length for any email within the bucket column, and no email addresses in the
// rate_limits table.
const pairBucket = (email: string, address: string) =>
  `signin:pair:${createHash("sha256")
    .update(`${normalizeEmail(email)}\n${address}`)
    .digest("base64url")}`;

export async function authenticate(email: string, password: string, address: string): Promise<AuthUser> {
  const pair = pairBucket(email, address);
  const from = `signin:addr:${address}`;
  // Every attempt is counted before its password is checked: a check made first would let
  // parallel guesses all pass it before any of them was counted.
  const states = await Promise.all([hit(pair, PER_PAIR), hit(from, PER_ADDRESS)]);
  const limited = states.filter((state) => state.limited);
  if (limited.length > 0) throw errors.rateLimited(Math.max(...limited.map((state) => state.retryAfter)));
  const user = await findUserByEmail(email);
  // Always verify (against a dummy hash for unknown emails) so timing does not reveal accounts.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabled) throw errors.unauthorized(INVALID);
  // A success clears this pair's failures and does not count against the address.
  await Promise.all([reset(pair), unhit(from)]);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

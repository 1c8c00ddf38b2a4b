// Email + password authentication, shared by the web sign-in and POST /api/auth/token, with the
// brute-force guard: too many failures for one email or from one address → 429 for a while.
import "server-only";
import { errors } from "@/lib/http/errors";
import { hit, reset, unhit, type Limit } from "@/lib/rate-limit";
import { findUserByEmail, normalizeEmail } from "./accounts";
import { verifyPassword } from "./password";
import type { AuthUser } from "./user";

const PER_EMAIL: Limit = { max: 5, windowSeconds: 15 * 60 };
const PER_ADDRESS: Limit = { max: 20, windowSeconds: 15 * 60 };

const INVALID = "Invalid email or password";

export async function authenticate(email: string, password: string, address: string): Promise<AuthUser> {
  const buckets: [string, Limit][] = [
    [`signin:email:${normalizeEmail(email).slice(0, 150)}`, PER_EMAIL],
    [`signin:addr:${address}`, PER_ADDRESS],
  ];
  // Every attempt is counted before its password is checked: a check made first would let
  // parallel guesses all pass it before any of them was counted.
  const states = await Promise.all(buckets.map(([bucket, limit]) => hit(bucket, limit)));
  const limited = states.filter((state) => state.limited);
  if (limited.length > 0) throw errors.rateLimited(Math.max(...limited.map((state) => state.retryAfter)));
  const user = await findUserByEmail(email);
  // Always verify (against a dummy hash for unknown emails) so timing does not reveal accounts.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabled) throw errors.unauthorized(INVALID);
  // A success clears the account's failures and does not count against the address.
  await Promise.all([reset(buckets[0]![0]), unhit(buckets[1]![0])]);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

// Email + password authentication, shared by the web sign-in and POST /api/auth/token, with the
// brute-force guard: too many failures for one email or from one address → 429 for a while.
import "server-only";
import { errors } from "@/lib/http/errors";
import { hit, peek, reset, type Limit } from "@/lib/rate-limit";
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
  for (const [bucket, limit] of buckets) {
    const state = await peek(bucket, limit);
    if (state.limited) throw errors.rateLimited(state.retryAfter);
  }
  const user = await findUserByEmail(email);
  // Always verify (against a dummy hash for unknown emails) so timing does not reveal accounts.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabled) {
    await Promise.all(buckets.map(([bucket, limit]) => hit(bucket, limit)));
    throw errors.unauthorized(INVALID);
  }
  await reset(buckets[0]![0]);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

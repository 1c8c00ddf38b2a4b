// A client sends the same token (or session cookie) with every request for its whole lifetime,
// and checking it again each time is the costliest step of a small API request after the
// framework's own (HMAC through WebCrypto: ~7 % of its CPU). So the answer for a token string
// that has passed is kept until the token expires. Only that exact string hits, and whether its
// user may still act, and the token was not ended early, is decided per request anyway
// (requireUser re-reads the user).
import type { Credential } from "./session-revocation";

const MAX_ENTRIES = 10_000;
// Bounds the memory: a cookie header can be kilobytes; longer ones are checked every time.
const MAX_KEY_LENGTH = 4_096;

export interface Verified extends Credential {
  /** Expiry, seconds since the epoch (the token's `exp`). */
  exp: number;
}

export function verifiedTokenCache() {
  const entries = new Map<string, Verified>();
  return async (
    token: string,
    verify: () => Promise<Verified | undefined>,
  ): Promise<Credential | undefined> => {
    const known = entries.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    if (known) entries.delete(token);
    const verified = await verify();
    if (!verified || token.length > MAX_KEY_LENGTH) return verified;
    // Oldest first out: a Map iterates in insertion order.
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(token, verified);
    return verified;
  };
}

// The caller's address for rate limiting. The server process appends the address of the socket
// it accepted to X-Forwarded-For before anything reads the header (scripts/server/
// forwarded-for.mjs), and each proxy in front appends the address it received the request from.
// So the last entry is what we saw ourselves, and TRUSTED_PROXY_HOPS entries before it were
// written by our proxies; the outermost of those names the client. Whatever a client writes into
// the header itself comes earlier still and is never used.
import { env } from "@/lib/env";

export function clientAddress(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than hops (a proxy that does not append): the first is the best there is.
  const client = entries[Math.max(0, entries.length - 1 - hops)];
  // Only a request that never crossed our server (a test calling a handler) has no entry.
  return (client || "direct").slice(0, 64);
}

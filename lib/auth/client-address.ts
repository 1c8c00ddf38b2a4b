// The caller's address for rate limiting. Each proxy appends the address it received the request
// from to X-Forwarded-For, so the entry the outermost of our TRUSTED_PROXY_HOPS proxies wrote is
// the client; whatever a client puts in the header itself lands before it and is never used.
// Behind no proxy the header is absent (X-Real-IP, else all callers share "direct").
import { env } from "@/lib/env";

export function clientAddress(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const forwarded = entries[Math.max(0, entries.length - hops)];
  return (forwarded || headers.get("x-real-ip")?.trim() || "direct").slice(0, 64);
}

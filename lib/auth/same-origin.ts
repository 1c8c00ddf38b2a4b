// CSRF defence for cookie-authenticated writes: the browser's Origin must be this app, either
// the configured APP_URL or the host the request was sent to (as Next's server actions check).
import { env } from "@/lib/env";

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (origin === new URL(env().APP_URL).origin) return true;
  const requestHost = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  return host === requestHost;
}

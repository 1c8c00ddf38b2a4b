// CSRF defence for cookie-authenticated writes: the browser's Origin must be APP_URL's origin,
// scheme and port included. Never the Host or X-Forwarded-Host of the request: a client writes
// those itself, so a forged request could name any host it liked and match it.
import { env } from "@/lib/env";

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOrigin(req: Request): boolean {
  return req.headers.get("origin") === new URL(env().APP_URL).origin;
}

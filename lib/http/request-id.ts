import { randomUUID } from "node:crypto";

const REQUEST_ID = /^[\w.-]{8,128}$/;

/** The caller's X-Request-Id when it is a sane token (a proxy's, for tracing), else a new one. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

// Every error the API answers with is an AppError; errorResponse() is the only place that turns
// one (or anything unexpected) into a response body.
import { hasErrorCode } from "@/db/errors";
import { log } from "@/lib/log";

export interface ErrorDetail {
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const errors = {
  badJson: () => new AppError(400, "invalid_json", "Request body is not valid JSON"),
  validation: (details: ErrorDetail[], headers?: Record<string, string>) =>
    new AppError(400, "validation_failed", "Request validation failed", details, headers),
  unauthorized: (message = "Authentication required") => new AppError(401, "unauthorized", message),
  forbidden: (message = "You are not allowed to do this") => new AppError(403, "forbidden", message),
  insufficientScope: (message: string) => new AppError(403, "insufficient_scope", message),
  notFound: (message = "Integration not found") => new AppError(404, "not_found", message),
  conflict: (message: string, code = "conflict") => new AppError(409, code, message),
  tooLarge: (limit: number) =>
    new AppError(413, "payload_too_large", `Request body is larger than ${limit / 1024} KiB`),
  unsupportedMediaType: () =>
    new AppError(415, "unsupported_media_type", "Content-Type must be application/json"),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, "rate_limited", "Too many requests; try again later", undefined, {
      "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
  dbUnavailable: () => new AppError(503, "db_unavailable", "Database unavailable; try again shortly"),
};

// mysql2/Node error codes that mean "the database cannot be reached", not "the query is wrong".
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_SERVER_GONE_ERROR",
  "ER_SERVER_LOST",
  "ER_LOCK_WAIT_TIMEOUT",
  // Galera: the node is not part of the cluster's primary component (cut off, or still joining).
  "ER_UNKNOWN_COM_ERROR",
]);

export function isDbUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNREACHABLE.has(code)) return true;
    // mysql2 marks connection-level failures fatal, some without a code ("closed state").
    if ((e as { fatal?: unknown }).fatal === true) return true;
    if (e.message.includes("Pool is closed") || e.message.includes("connect ETIMEDOUT")) return true;
  }
  return false;
}

export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (isDbUnreachable(error)) {
    log.warn({ requestId, err: describeError(error) }, "database unreachable");
    return errors.dbUnavailable();
  }
  // Still losing to concurrent writers after every retry (on Galera, many nodes changing one
  // counter row at once): nothing was written, and trying again shortly will succeed.
  if (hasErrorCode(error, "ER_LOCK_DEADLOCK")) {
    log.warn({ requestId, err: describeError(error) }, "conflicting writes; retries used up");
    return errors.dbUnavailable();
  }
  log.error({ requestId, err: describeError(error) }, "unexpected error");
  return new AppError(500, "internal", "Internal error");
}

export function errorResponse(error: unknown, requestId: string): Response {
  const e = toAppError(error, requestId);
  const body = {
    success: false,
    error: e.message,
    code: e.code,
    ...(e.details ? { details: e.details } : {}),
  };
  return Response.json(body, { status: e.status, headers: { ...e.headers, "x-request-id": requestId } });
}

// Only names, codes and stack frames reach the log: messages of driver and ORM errors carry SQL
// and parameter values, which can be credentials.
export function describeError(error: unknown) {
  if (!(error instanceof Error)) return { message: typeof error };
  const chain: { name: string; code?: unknown }[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 5; e = e.cause) {
    chain.push({ name: e.name, code: (e as { code?: unknown }).code });
  }
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return { chain, stack: frames.slice(0, 6).join("\n") };
}

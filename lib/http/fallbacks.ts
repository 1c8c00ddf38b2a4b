// Answers for requests no handler takes. Next's own are an empty 405 (a method the route file
// does not export) and the HTML 404 page (no route at all); API clients are promised a JSON
// body with `success: false` on every answer.
import { randomUUID } from "node:crypto";
import { AppError, errorResponse, errors } from "./errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Fallback = (req: Request) => Response;

const requestId = (req: Request) => req.headers.get("x-request-id")?.match(/^[\w.-]{8,128}$/)?.[0] ?? randomUUID();

/**
 * A JSON 405 naming the methods a route has, for every method it lacks. A route file spreads
 * it over those: `export const { POST, PUT, PATCH, DELETE } = otherMethods("GET")`.
 */
export function otherMethods<const M extends Method>(...allowed: M[]): Record<Exclude<Method, M>, Fallback> {
  const allow = [...allowed, ...(allowed.includes("GET" as M) ? ["HEAD"] : [])].join(", ");
  const refuse: Fallback = (req) =>
    errorResponse(
      new AppError(405, "method_not_allowed", `This path takes ${allowed.join(" or ")} only`, undefined, { Allow: allow }),
      requestId(req),
    );
  return Object.fromEntries(METHODS.filter((method) => !allowed.includes(method as M)).map((method) => [method, refuse])) as Record<
    Exclude<Method, M>,
    Fallback
  >;
}

/** A JSON 404 for any method, for /api paths no route file serves. */
export function unknownPath(): Record<Method, Fallback> {
  const missing: Fallback = (req) => errorResponse(errors.notFound("No API endpoint at this path"), requestId(req));
  return Object.fromEntries(METHODS.map((method) => [method, missing])) as Record<Method, Fallback>;
}

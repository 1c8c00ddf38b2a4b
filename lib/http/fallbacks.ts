// Answers for requests no handler takes. Next's own are an empty 405 (a method the route file
// does not export) and the HTML 404 page (no route at all); API clients are promised a JSON
// body with `success: false` on every answer.
import { AppError, errorResponse, errors } from "./errors";
import { requestIdOf } from "./request-id";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Fallback = (req: Request) => Response;

/**
 * A JSON 405 naming the methods a route has, for every method it lacks, and the OPTIONS answer
 * (Next's own would list every method, these fallbacks included). A route file spreads it
 * over those: `export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET")`.
 */
export function otherMethods<const M extends Method>(...allowed: M[]): Record<Exclude<Method, M> | "OPTIONS", Fallback> {
  const allow = [...allowed, ...(allowed.includes("GET" as M) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Fallback = (req) =>
    errorResponse(
      new AppError(405, "method_not_allowed", `This path takes ${allowed.join(" or ")} only`, undefined, { Allow: allow }),
      requestIdOf(req),
    );
  const others = METHODS.filter((method) => !allowed.includes(method as M)).map((method) => [method, refuse]);
  const options: Fallback = () => new Response(null, { status: 204, headers: { Allow: allow } });
  return Object.fromEntries([...others, ["OPTIONS", options]]) as Record<Exclude<Method, M> | "OPTIONS", Fallback>;
}

/** A JSON 404 for any method, for /api paths no route file serves. */
export function unknownPath(): Record<Method | "OPTIONS", Fallback> {
  const missing: Fallback = (req) => errorResponse(errors.notFound("No API endpoint at this path"), requestIdOf(req));
  return Object.fromEntries([...METHODS, "OPTIONS"].map((method) => [method, missing])) as Record<Method | "OPTIONS", Fallback>;
}

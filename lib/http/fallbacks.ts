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
export function otherMethods<const M extends Method>(
  ...allowed: M[]
): Record<Exclude<Method, M> | "OPTIONS", Fallback> {
  const allow = [...allowed, ...(allowed.includes("GET" as M) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Fallback = (req) =>
    errorResponse(
      new AppError(405, "method_not_allowed", `This path takes ${allowed.join(" or ")} only`, undefined, {
        Allow: allow,
      }),
      requestIdOf(req),
    );
  const others = METHODS.filter((method) => !allowed.includes(method as M)).map((method) => [method, refuse]);
  const options: Fallback = () => new Response(null, { status: 204, headers: { Allow: allow } });
  return Object.fromEntries([...others, ["OPTIONS", options]]) as Record<
    Exclude<Method, M> | "OPTIONS",
    Fallback
  >;
}

/** A JSON 404 for any method, for /api paths no route file serves. */
export function unknownPath(): Record<Method | "OPTIONS", Fallback> {
  const missing: Fallback = (req) =>
    errorResponse(errors.notFound("No API endpoint at this path"), requestIdOf(req));
  return Object.fromEntries([...METHODS, "OPTIONS"].map((method) => [method, missing])) as Record<
    Method | "OPTIONS",
    Fallback
  >;
}

/**
 * A handler we do not write (next-auth) refuses in plain text or with an empty body, and can fail
 * with an empty 500: under /api those become the contract's JSON error, 4xx with `refused` as
 * the message. Its JSON refusals pass unchanged, as its own client reads them.
 */
export function jsonErrors(response: Response, requestId: string, refused: string): Response {
  const json = response.headers.get("content-type")?.startsWith("application/json");
  if (response.status < 400 || (json && response.status < 500)) return response;
  const error =
    response.status < 500
      ? new AppError(response.status, "bad_request", refused)
      : new Error(`A ${response.status} from a handler we do not write`);
  return errorResponse(error, requestId);
}

/**
 * A request path that is not percent-encoded UTF-8 (/%zz, /%C0%AF, /%ED%A0%80): Next's router
 * cannot decode it into route params and answers a plain-text 500 before any page or handler
 * runs, so proxy.ts refuses it first with a 400, the contract's JSON under /api.
 */
export function undecodablePath(req: Request): Response | undefined {
  const { pathname } = new URL(req.url);
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    if (!isApiPath(pathname)) {
      return new Response("Bad request: the address is not valid percent-encoded UTF-8.\n", {
        status: 400,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    const detail = { field: "path", message: "is not valid percent-encoded UTF-8" };
    return errorResponse(errors.validation([detail]), requestIdOf(req));
  }
}

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

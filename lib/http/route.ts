// The one wrapper around every route handler: request id, authentication, query and body
// parsing, and the one error path. Handlers receive validated input and return a Response.
import type { z } from "zod";
import { requireAdmin, requireScope, requireUser } from "@/lib/auth/require-user";
import type { ApiScope } from "@/lib/auth/scopes";
import type { AuthUser } from "@/lib/auth/user";
import { readJson } from "./body";
import { requestIdOf } from "./request-id";
import { errorResponse } from "./errors";
import { searchParamsObject, validate } from "./validate";

type Params = Record<string, string | string[] | undefined>;
type Access = "public" | "user" | "admin";

export interface RouteContext<A extends Access, B, Q> {
  req: Request;
  user: A extends "public" ? undefined : AuthUser;
  body: B;
  query: Q;
  params: Params;
  requestId: string;
}

interface RouteOptions<A extends Access, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  auth: A;
  /**
   * What an API key needs to call a "user" route (admin routes need `admin`). Without one, keys
   * are refused: a route is opened to them deliberately.
   */
  scope?: A extends "user" ? ApiScope : never;
  /** Refuses the request before its query or body is read (a feature turned off answers so, whatever was sent). */
  before?: () => void;
  body?: B;
  /** The body may be left out, and then counts as `{}` (a body whose fields all have defaults). */
  bodyOptional?: boolean;
  query?: Q;
  /**
   * For routes a browser navigates to (OAuth connect and callback): an error it can explain with
   * a page becomes a redirect there; anything it returns undefined for is answered as JSON.
   */
  onError?: (error: unknown, req: Request) => Response | undefined;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

const authenticate: Record<Access, (req: Request, scope?: ApiScope) => Promise<AuthUser | undefined>> = {
  public: async () => undefined,
  user: async (req, scope) => {
    const user = await requireUser(req);
    requireScope(user, scope);
    return user;
  },
  admin: requireAdmin,
};

export function route<
  A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  options: RouteOptions<A, B, Q>,
  handler: (ctx: RouteContext<A, Output<B>, Output<Q>>) => Promise<Response>,
) {
  return async (req: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const user = await authenticate[options.auth](req, options.scope);
      options.before?.();
      const query = options.query ? validate(options.query, searchParamsObject(req.url)) : undefined;
      const body = options.body
        ? validate(options.body, await readJson(req, { optional: options.bodyOptional }))
        : undefined;
      const response = await handler({
        req,
        user: user as RouteContext<A, Output<B>, Output<Q>>["user"],
        body: body as Output<B>,
        query: query as Output<Q>,
        params: (await segment?.params) ?? {},
        requestId,
      });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const page = options.onError?.(error, req);
      if (page) {
        page.headers.set("x-request-id", requestId);
        return page;
      }
      return errorResponse(error, requestId);
    }
  };
}

// The one wrapper around every route handler: request id, body and query parsing, and the one
// error path. Handlers receive validated input and return a Response (see respond.ts).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { readJson } from "./body";
import { errorResponse } from "./errors";
import { searchParamsObject, validate } from "./validate";

type Params = Record<string, string | string[] | undefined>;

export interface RouteContext<B, Q> {
  req: Request;
  body: B;
  query: Q;
  params: Params;
  requestId: string;
}

interface RouteOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  body?: B;
  query?: Q;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

const REQUEST_ID = /^[\w.-]{8,128}$/;

export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: RouteOptions<B, Q>,
  handler: (ctx: RouteContext<Output<B>, Output<Q>>) => Promise<Response>,
) {
  return async (req: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    const given = req.headers.get("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    try {
      const query = options.query ? validate(options.query, searchParamsObject(req.url)) : undefined;
      const body = options.body ? validate(options.body, await readJson(req)) : undefined;
      const response = await handler({
        req,
        body: body as Output<B>,
        query: query as Output<Q>,
        params: (await segment?.params) ?? {},
        requestId,
      });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

// /api/auth/* – next-auth's own endpoints (sign-in, sign-out, session, csrf) for the web app,
// inside our route wrapper: what next-auth is handed is checked first, and whatever it throws or
// refuses in plain text comes back as the contract's JSON error.
import NextAuth from "next-auth";
import { authOptions, refuseForeignCallbackCookie } from "@/lib/auth/next-auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { env } from "@/lib/env";
import { nextAuthPath, nextAuthQuery } from "@/lib/auth/schemas";
import { readJson } from "@/lib/http/body";
import { jsonErrors, otherMethods, unknownPath } from "@/lib/http/fallbacks";
import { route } from "@/lib/http/route";

// next-auth answers an action it does not know with a plain-text 400; under /api every answer
// is JSON, so those get the JSON 404 of any unknown path. A GET callback is for OAuth providers:
// only single sign-on's, when it is configured (the credentials provider's is a 500 in next-auth).
const ACTIONS = {
  GET: ["providers", "session", "csrf", "signin", "signout", "verify-request", "error"],
  POST: ["signin", "signout", "callback", "session", "_log"],
};
const unknown = unknownPath();
// What next-auth's plain-text and empty 400s mean: a missing or stale csrfToken, or an action
// with the wrong method or no provider.
const REFUSED = "Not a request the sign-in endpoints take (a POST needs the csrfToken of GET /api/auth/csrf)";

const isSingleSignOnCallback = (method: string, [action, provider]: readonly (string | undefined)[]) =>
  method === "GET" && action === "callback" && provider === OIDC_PROVIDER_ID && Boolean(env().OIDC_ISSUER);

const handlerFor = (method: keyof typeof ACTIONS) =>
  route({ auth: "public", query: nextAuthQuery }, async ({ req, params, requestId }) => {
    const path = nextAuthPath.safeParse(params.nextauth);
    if (
      !path.success ||
      !(ACTIONS[method].includes(path.data[0]) || isSingleSignOnCallback(method, path.data))
    ) {
      return unknown[method](req);
    }
    refuseForeignCallbackCookie(req);
    // next-auth parses a JSON body itself and throws on a malformed one: ours answers 400 or 413 first.
    if (method === "POST" && req.headers.get("content-type")?.includes("application/json")) {
      await readJson(req.clone());
    }
    const context = { params: Promise.resolve({ nextauth: params.nextauth }) };
    const response = await NextAuth(req as never, context as never, authOptions());
    return jsonErrors(response, requestId, REFUSED);
  });

export const GET = handlerFor("GET");
export const POST = handlerFor("POST");

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");

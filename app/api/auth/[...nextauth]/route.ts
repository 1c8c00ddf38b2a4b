// /api/auth/* – next-auth's own endpoints (sign-in, sign-out, session, csrf) for the web app.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";
import { otherMethods, unknownPath } from "@/lib/http/fallbacks";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers an action it does not know with a plain-text 400; under /api every answer
// is JSON, so those get the JSON 404 of any unknown path.
const ACTIONS = {
  GET: ["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error"],
  POST: ["signin", "signout", "callback", "session", "_log"],
};
const unknown = unknownPath();

const handlerFor = (method: keyof typeof ACTIONS) => async (req: Request, context: Context) => {
  const [action] = (await context.params).nextauth;
  if (!action || !ACTIONS[method].includes(action)) return unknown[method](req);
  return NextAuth(req as never, context as never, authOptions());
};

export const GET = handlerFor("GET");
export const POST = handlerFor("POST");

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");

// /api/auth/* – next-auth's own endpoints (sign-in, sign-out, session, csrf) for the web app.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";
import { otherMethods } from "@/lib/http/fallbacks";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, context: Context) => NextAuth(req as never, context as never, authOptions());

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");

// next-auth for the web: email + password, JWT sessions carrying id, email and role. Built on
// first use, not at import, because it needs the validated environment.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError, errors } from "@/lib/http/errors";
import { clientAddress } from "./client-address";
import { returnUrl } from "./return-path";
import { secureCookies } from "./session-cookie";
import { authenticate } from "./sign-in";

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (options) return options;
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL ??= env().APP_URL;
  options = {
    secret: env().AUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const headers = new Headers(req.headers as Record<string, string>);
          try {
            const user = await authenticate(credentials.email, credentials.password, clientAddress(headers));
            return { id: String(user.id), email: user.email, name: user.name, role: user.role };
          } catch (error) {
            // next-auth passes a thrown message to the sign-in page as ?error=…
            if (error instanceof AppError && error.status === 429) {
              throw new Error(`RateLimited:${error.headers?.["Retry-After"] ?? "60"}`);
            }
            return null;
          }
        },
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth is handed (query, body, its cookie) passes here. Its default
      // throws on a URL it cannot parse (a 500) and trusts anything starting with "/".
      redirect({ url, baseUrl }) {
        return returnUrl(url, baseUrl) ?? `${baseUrl}/`;
      },
      jwt({ token, user }) {
        if (user) Object.assign(token, { sub: user.id, role: (user as { role?: string }).role });
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
    },
  };
  return options;
}

/**
 * next-auth keeps the last callbackUrl in a cookie and checks it as it checks the query's: one
 * it cannot parse (only a client that edited its cookies has one) is its server-configuration
 * error, a 500. Such a cookie is refused first, and cleared so that the next request works.
 */
export function refuseForeignCallbackCookie(req: Request): void {
  const name = `${secureCookies() ? "__Secure-" : ""}next-auth.callback-url`;
  for (const part of req.headers.get("cookie")?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (part.slice(0, at).trim() !== name) continue;
    const raw = part.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // next-auth's cookie parser keeps such a value as it is; so does this check.
    }
    if (returnUrl(value, env().APP_URL) !== undefined) continue;
    const clear = `${name}=; Path=/; Max-Age=0${secureCookies() ? "; Secure" : ""}`;
    throw errors.validation([{ field: "cookie", message: `${name} is not an address on this app` }], {
      "Set-Cookie": clear,
    });
  }
}

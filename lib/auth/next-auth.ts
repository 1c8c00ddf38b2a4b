// next-auth for the web: email + password (unless PASSWORD_SIGNIN=false) and single sign-on
// through OpenID Connect when configured (lib/auth/oidc.ts); JWT sessions carrying id, email
// and role. Built on first use, not at import, because it needs the validated environment.
import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError, describeError, errors, isDbUnreachable } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { clientAddress } from "./client-address";
import { oidcProvider, type OidcUser } from "./oidc";
import { returnUrl } from "./return-path";
import { actingUser, findSessionUser, revokeSession, sessionTokenCredential } from "./session-revocation";
import { secureCookies } from "./session-cookie";
import { authenticate } from "./sign-in";

let options: NextAuthOptions | undefined;

/** Email and password, checked with the same limits as POST /api/auth/token. */
function passwordProvider() {
  return CredentialsProvider({
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
  });
}

export function authOptions(): NextAuthOptions {
  if (options) return options;
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL ??= env().APP_URL;
  const singleSignOn = oidcProvider();
  options = {
    secret: env().AUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      ...(env().PASSWORD_SIGNIN ? [passwordProvider()] : []),
      ...(singleSignOn ? [singleSignOn] : []),
    ],
    // next-auth prints its errors with their stacks to the console; ours go through the logger.
    // A session refused because it ended is how sign-out works, not an error.
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") return log.info("a session that has ended was refused");
        const cause =
          metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        log.error({ code, err: describeError(cause) }, "next-auth error");
      },
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    events: {
      // Sign-out: this session is refused from now on, wherever its cookie is still kept.
      async signOut({ token }) {
        const { sid, sub, exp } = (token ?? {}) as { sid?: unknown; sub?: unknown; exp?: unknown };
        if (typeof sid !== "string" || typeof exp !== "number") return;
        await revokeSession(sid, Number(sub), new Date(exp * 1000));
      },
    },
    callbacks: {
      // Every callbackUrl next-auth is handed (query, body, its cookie) passes here. Its default
      // throws on a URL it cannot parse (a 500) and trusts anything starting with "/".
      redirect({ url, baseUrl }) {
        return returnUrl(url, baseUrl) ?? `${baseUrl}/`;
      },
      // Single sign-on refused (lib/auth/oidc.ts): no session, and the sign-in page says why.
      signIn({ user }) {
        const { refusal } = user as Partial<OidcUser>;
        return refusal ? `${env().APP_URL}/signin?error=${refusal}` : true;
      },
      // At sign-in the session gets an id and its time (lib/auth/session-revocation.ts); on every
      // later read (pages, /api/auth/session) a session that was ended is refused, which makes
      // next-auth clear its cookie. Only a definite "ended" does: a database that is away now
      // must not sign everyone out.
      async jwt({ token, user }) {
        if (user) {
          return Object.assign(token, {
            sub: user.id,
            role: (user as { role?: string }).role,
            sid: randomUUID(),
            authAt: Date.now(),
          });
        }
        if (await sessionEnded(token)) throw new Error("This session has ended");
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

/** Whether a session token was signed out, its user disabled or all their sessions revoked. */
async function sessionEnded(token: JWT): Promise<boolean> {
  const credential = sessionTokenCredential(token);
  if (!credential) return true;
  try {
    return !actingUser(await findSessionUser(credential.userId, credential.sid!), credential);
  } catch (error) {
    if (isDbUnreachable(error)) return false;
    throw error;
  }
}

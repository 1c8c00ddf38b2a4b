// The one way a route handler learns who is calling: a Bearer token (our own, an external
// issuer's when configured, or an API key) or the web session cookie. The user is re-read on
// every request, so disabling someone, changing a role or revoking a key takes effect at once.
import "server-only";
import { errors } from "@/lib/http/errors";
import { findUserById } from "./accounts";
import { apiKeyUser, isApiKey } from "./api-key-credential";
import { clientAddress } from "./client-address";
import { externalIssuerCredential, isExternalToken } from "./external-issuer";
import { SAFE_METHODS, isSameOrigin } from "./same-origin";
import { sessionCredential } from "./session-cookie";
import { actingUser, findSessionUser, type Credential } from "./session-revocation";
import type { ApiScope } from "./scopes";
import { verifyAccessToken } from "./tokens";
import { isAdmin, type AuthUser } from "./user";

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const INVALID_TOKEN = "Invalid or expired token";

// A request that names an Authorization header is a bearer call and nothing else.
const bearerHeader = (req: Request) => req.headers.get("authorization");

const bearerToken = (header: string) => {
  const token = BEARER.exec(header)?.[1];
  if (!token) throw errors.unauthorized(INVALID_TOKEN);
  return token;
};

/** `token`: the request's bearer token, when it names one (then it is that and nothing else). */
async function callerOf(req: Request, token: string | undefined): Promise<Credential> {
  if (token) {
    const credential = isExternalToken(token)
      ? await externalIssuerCredential(token)
      : await verifyAccessToken(token);
    if (!credential) throw errors.unauthorized(INVALID_TOKEN);
    return credential;
  }
  const credential = await sessionCredential(req);
  if (!credential) throw errors.unauthorized();
  if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req)) {
    throw errors.forbidden("Cross-origin requests with a session cookie are refused");
  }
  return credential;
}

export async function requireUser(req: Request): Promise<AuthUser> {
  const header = bearerHeader(req);
  const token = header ? bearerToken(header) : undefined;
  if (token && isApiKey(token)) {
    const user = await apiKeyUser(token, clientAddress(req.headers));
    if (!user) throw errors.unauthorized("Invalid, revoked or expired API key");
    return user;
  }
  const caller = await callerOf(req, token);
  // A session's read also says whether it was signed out (lib/auth/session-revocation.ts).
  const user = actingUser(
    caller.sid ? await findSessionUser(caller.userId, caller.sid) : await findUserById(caller.userId),
    caller,
  );
  if (!user) throw errors.unauthorized(INVALID_TOKEN);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * An API key may do only what its scopes name; people and JWTs are limited by their role alone.
 * `scope` undefined: nothing a key may do (key management, "sign out everywhere").
 */
export function requireScope(user: AuthUser, scope: ApiScope | undefined): void {
  if (!user.key || (scope && user.key.scopes.includes(scope))) return;
  throw errors.insufficientScope(
    scope
      ? `This API key lacks the ${scope} scope`
      : "API keys cannot be used here: use a signed-in session or a token from /api/auth/token",
  );
}

/** Admin-only routes: an admin, or a key with the `admin` scope whose owner is one. */
export async function requireAdmin(req: Request): Promise<AuthUser> {
  const user = await requireUser(req);
  requireScope(user, "admin");
  if (!isAdmin(user)) throw errors.forbidden("Admin role required");
  return user;
}

/**
 * For a read that records something (a reveal writes the audit log): with the session cookie, only
 * the app's own pages may ask. A cross-site link, image or form can make a browser send the
 * cookie, and although it could not read the answer, the history would say the secrets were
 * revealed. Browsers mark their own pages' requests `Sec-Fetch-Site: same-origin` (over https and
 * on localhost), and our pages also send `X-Requested-With`, a header no cross-site request can
 * carry without a CORS preflight we never grant. Bearer callers are deliberate by construction.
 */
export function requireDeliberate(req: Request): void {
  if (bearerHeader(req) || req.headers.get("sec-fetch-site") === "same-origin") return;
  if (req.headers.get("x-requested-with") && req.headers.get("sec-fetch-site") !== "cross-site") return;
  throw errors.forbidden("Reveal data from the app's own pages, or with a bearer token");
}

// Single sign-on through an OpenID Connect provider (OIDC_ISSUER, OIDC_CLIENT_ID, …). next-auth
// runs the authorization code flow with PKCE, state and nonce against the provider's discovery
// document, and openid-client checks the ID token: signature (the provider's JWKS), issuer (the
// discovered one), audience (our client id), expiry and nonce. What is left is this file's:
// - the issuer must be the one configured, not merely the one the discovery document names;
// - the email must be verified by the provider, and in OIDC_ALLOWED_DOMAINS when that is set;
// - the person is linked to the account with that email, created on first sign-in (an allowed
//   domain is the permission), and with OIDC_ADMIN_GROUP is an admin exactly while the provider
//   lists them in that group (looked at every sign-in, so removal from the group demotes).
// A refusal is not an error: the person lands on the sign-in page with a sentence saying why.
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { linkSingleSignOnUser, normalizeEmail } from "./accounts";

export const OIDC_PROVIDER_ID = "oidc";

export const oidcRefusals = ["OidcIssuer", "OidcEmailUnverified", "OidcDomain", "AccountDisabled"] as const;
type Refusal = (typeof oidcRefusals)[number];

/** Who signed in, as next-auth's `user` at sign-in: one of ours, or a refusal and its reason. */
export interface OidcUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  refusal?: Refusal;
}

interface Claims {
  iss?: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  groups?: unknown;
  roles?: unknown;
  role?: unknown;
}

const withoutSlash = (url: string) => url.replace(/\/+$/, "");

/** The provider for next-auth, or undefined when single sign-on is not configured. */
export function oidcProvider(): OAuthConfig<Claims> | undefined {
  const e = env();
  if (!e.OIDC_ISSUER) return undefined;
  return {
    id: OIDC_PROVIDER_ID,
    name: e.OIDC_NAME,
    type: "oauth",
    wellKnown: `${withoutSlash(e.OIDC_ISSUER)}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: e.OIDC_SCOPE } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (claims) => oidcUser(claims),
  };
}

// Providers name groups in `groups` (Okta, Keycloak, Entra ID), `roles` or `role`: a list or one.
function memberOf(claims: Claims, group: string): boolean {
  return [claims.groups, claims.roles, claims.role].some((claim) =>
    Array.isArray(claim) ? claim.includes(group) : claim === group,
  );
}

export async function oidcUser(claims: Claims): Promise<OidcUser> {
  const e = env();
  const email = typeof claims.email === "string" ? normalizeEmail(claims.email) : "";
  const refuse = (refusal: Refusal): OidcUser => {
    log.warn({ refusal, issuer: claims.iss }, "single sign-on refused");
    return { id: "refused", email, name: null, role: "user", refusal };
  };
  if (withoutSlash(claims.iss ?? "") !== withoutSlash(e.OIDC_ISSUER!)) return refuse("OidcIssuer");
  if (!email || (claims.email_verified !== true && claims.email_verified !== "true")) {
    return refuse("OidcEmailUnverified");
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (e.OIDC_ALLOWED_DOMAINS?.length && !e.OIDC_ALLOWED_DOMAINS.includes(domain)) return refuse("OidcDomain");
  const user = await linkSingleSignOnUser({
    email,
    name: typeof claims.name === "string" ? claims.name.slice(0, 255) : null,
    role: e.OIDC_ADMIN_GROUP ? (memberOf(claims, e.OIDC_ADMIN_GROUP) ? "admin" : "user") : undefined,
  });
  if (user.disabled) return refuse("AccountDisabled");
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}

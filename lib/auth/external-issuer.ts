// Tokens from an external identity provider (optional, by env): verified against its JWKS or a
// shared secret with issuer and audience checks; the user is provisioned by email on first
// sight. For accounts that exist only there (no password here) the IdP's role claim is the truth.
import "server-only";
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";
import { z } from "zod";
import { env } from "@/lib/env";
import { provisionExternalUser } from "./accounts";
import type { Credential } from "./session-revocation";

const ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
const SYMMETRIC = ["HS256", "HS384", "HS512"];

let remoteKeys: ReturnType<typeof createRemoteJWKSet> | undefined;

/** Whether a bearer token claims to come from the configured external issuer (unverified peek). */
export function isExternalToken(token: string): boolean {
  const issuer = env().EXTERNAL_JWT_ISSUER;
  if (!issuer) return false;
  try {
    return decodeJwt(token).iss === issuer;
  } catch {
    return false;
  }
}

async function verify(token: string): Promise<JWTPayload | undefined> {
  const e = env();
  const options = {
    issuer: e.EXTERNAL_JWT_ISSUER,
    audience: e.EXTERNAL_JWT_AUDIENCE,
    requiredClaims: ["exp"],
  };
  try {
    if (e.EXTERNAL_JWT_JWKS_URL) {
      remoteKeys ??= createRemoteJWKSet(new URL(e.EXTERNAL_JWT_JWKS_URL));
      return (await jwtVerify(token, remoteKeys, { ...options, algorithms: ASYMMETRIC })).payload;
    }
    const secret = new TextEncoder().encode(e.EXTERNAL_JWT_SECRET);
    return (await jwtVerify(token, secret, { ...options, algorithms: SYMMETRIC })).payload;
  } catch {
    return undefined;
  }
}

export async function externalIssuerCredential(token: string): Promise<Credential | undefined> {
  const payload = await verify(token);
  const email = z.email().safeParse(payload?.email);
  if (!payload || !email.success) return undefined;
  const { EXTERNAL_JWT_ROLE_CLAIM, EXTERNAL_JWT_ADMIN_VALUE } = env();
  const claim = payload[EXTERNAL_JWT_ROLE_CLAIM];
  const admin = Array.isArray(claim)
    ? claim.includes(EXTERNAL_JWT_ADMIN_VALUE)
    : claim === EXTERNAL_JWT_ADMIN_VALUE;
  const name = typeof payload.name === "string" ? payload.name.slice(0, 255) : null;
  const userId = await provisionExternalUser({ email: email.data, name, role: admin ? "admin" : "user" });
  // Without `iat` a token cannot be ordered against a revocation; disabling still ends it.
  return {
    userId,
    issuedAt: typeof payload.iat === "number" ? payload.iat * 1000 : Number.POSITIVE_INFINITY,
  };
}

// API tokens: HS256 JWTs signed with AUTH_SECRET (claims sub, email, role, iat, exp). The role in
// a token is informational: requireUser reads the user's current role from the database.
import { createSecretKey, type KeyObject } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { env } from "@/lib/env";
import type { AuthUser } from "./user";
import type { Credential } from "./session-revocation";
import { verifiedTokenCache } from "./verified-tokens";

// One key object for the process: handing jose raw bytes makes it import the key on every call.
let key: KeyObject | undefined;
const secret = () => (key ??= createSecretKey(Buffer.from(env().AUTH_SECRET, "utf8")));

export async function signAccessToken(user: AuthUser): Promise<{ token: string; expiresIn: number }> {
  const expiresIn = env().TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ email: user.email, role: user.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(user.id))
    .setIssuedAt()
    .setExpirationTime(`${expiresIn}s`)
    .sign(secret());
  return { token, expiresIn };
}

const remembered = verifiedTokenCache();

/** Whom a valid app token names, or undefined for anything else (none-alg, forged, expired…). */
export async function verifyAccessToken(token: string): Promise<Credential | undefined> {
  return remembered(token, async () => {
    try {
      const { payload } = await jwtVerify(token, secret(), {
        algorithms: ["HS256"],
        requiredClaims: ["sub", "exp", "iat"],
      });
      const id = Number(payload.sub);
      return Number.isSafeInteger(id) && id > 0
        ? { userId: id, exp: payload.exp!, issuedAt: payload.iat! * 1000 }
        : undefined;
    } catch {
      return undefined;
    }
  });
}

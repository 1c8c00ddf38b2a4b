// Test users with real password hashes and real signed tokens.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { upsertUser } from "@/lib/auth/accounts";
import { signAccessToken } from "@/lib/auth/tokens";
import type { Role } from "@/db/schema";
import { uniqueEmail } from "./raw-db";

export interface TestUser {
  id: number;
  email: string;
  role: Role;
  password: string;
  token: string;
  /** Headers for an authenticated JSON request. */
  headers: Record<string, string>;
}

export async function createTestUser(role: Role = "user", label: string = role): Promise<TestUser> {
  const password = "correct-horse-battery";
  const user = await upsertUser({ email: uniqueEmail(label), password, role, name: `Test ${label}` });
  const { token } = await signAccessToken({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
  });
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    password,
    token,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  };
}

/** The session cookie next-auth would set at sign-in (its id and time as lib/auth/next-auth.ts adds them). */
export async function sessionCookieOf(userId: number, claims: Record<string, unknown> = {}) {
  const token = { sub: String(userId), sid: randomUUID(), authAt: Date.now(), ...claims };
  return `next-auth.session-token=${await encode({ token, secret: process.env.AUTH_SECRET! })}`;
}

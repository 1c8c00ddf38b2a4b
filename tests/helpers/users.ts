// Test users with real password hashes and real signed tokens.
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

export async function createTestUser(role: Role = "user", label = role): Promise<TestUser> {
  const password = "correct-horse-battery";
  const user = await upsertUser({ email: uniqueEmail(label), password, role, name: `Test ${label}` });
  const { token } = await signAccessToken({ id: user.id, email: user.email, name: user.name, role: user.role });
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    password,
    token,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  };
}

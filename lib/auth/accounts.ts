// User accounts: the writes behind sign-up, the admin bootstrap and the user CLI.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { hasErrorCode } from "@/db/errors";
import { prepared } from "@/db/prepared";
import { users, type Role, type User } from "@/db/schema";
import { errors } from "@/lib/http/errors";
import { hashPassword } from "./password";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await db()
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return user;
}

// Run by every authenticated request.
const userById = prepared((database) =>
  database
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .limit(1)
    .prepare(),
);

export async function findUserById(id: number): Promise<User | undefined> {
  const [user] = await userById().execute({ id });
  return user;
}

/** Sign-up: a new user with role "user"; an email already taken is a 409. */
export async function createUser(input: { email: string; password: string; name?: string }): Promise<User> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    await db()
      .insert(users)
      .values({ email, passwordHash, name: input.name ?? null, role: "user" });
  } catch (error) {
    if (hasErrorCode(error, "ER_DUP_ENTRY"))
      throw errors.conflict("An account with this email already exists", "email_taken");
    throw error;
  }
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`User ${email} vanished right after it was written.`);
  return user;
}

/** Creates the user, or resets password, role and name of the existing one; re-enables it. */
export async function upsertUser(input: {
  email: string;
  password: string;
  role: Role;
  name?: string;
}): Promise<User> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  await db()
    .insert(users)
    .values({
      email,
      passwordHash,
      role: input.role,
      name: input.name ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onDuplicateKeyUpdate({
      set: {
        passwordHash,
        role: input.role,
        disabled: false,
        updatedAt: now,
        ...(input.name === undefined ? {} : { name: input.name }),
      },
    });
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`User ${email} vanished right after it was written.`);
  return user;
}

/** First sight of an external issuer's user creates it; later its role follows the issuer's. */
export async function provisionExternalUser(input: {
  email: string;
  name: string | null;
  role: Role;
}): Promise<number> {
  const email = normalizeEmail(input.email);
  let user = await findUserByEmail(email);
  if (!user) {
    await db()
      .insert(users)
      .ignore()
      .values({ email, name: input.name, role: input.role, passwordHash: null });
    user = await findUserByEmail(email);
    if (!user) throw new Error(`Could not provision ${email}.`);
  } else if (user.passwordHash === null && user.role !== input.role) {
    await db().update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, user.id));
  }
  return user.id;
}

/**
 * Single sign-on: the account with this (provider-verified) email, created when there is none.
 * `role`, when the provider decides it (OIDC_ADMIN_GROUP), is set on every sign-in.
 */
export async function linkSingleSignOnUser(input: {
  email: string;
  name: string | null;
  role?: Role;
}): Promise<User> {
  const email = normalizeEmail(input.email);
  const known = await findUserByEmail(email);
  if (!known) {
    // Two first sign-ins at once: the second insert is ignored and both read the one row.
    await db()
      .insert(users)
      .ignore()
      .values({ email, name: input.name, role: input.role ?? "user", passwordHash: null });
  } else if (input.role && known.role !== input.role) {
    await db().update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, known.id));
  } else {
    return known;
  }
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`Could not provision ${email}.`);
  return user;
}

/**
 * By email (the CLI) or id (the admin page). Disabling also ends every session and token issued
 * so far: enabling again does not revive them.
 */
export async function setUserDisabled(who: string | number, disabled: boolean): Promise<boolean> {
  const [result] = await db()
    .update(users)
    .set({
      disabled,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
      ...(disabled ? { tokensValidAfter: sql`CURRENT_TIMESTAMP(3)` } : {}),
    })
    .where(typeof who === "number" ? eq(users.id, who) : eq(users.email, normalizeEmail(who)));
  return result.affectedRows > 0;
}

// The admin's list of people (/admin/users): newest first, 50 a page, searched by email or name.
import "server-only";
import { and, desc, like, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { apiKeys, users, type Role } from "@/db/schema";

export const USERS_PAGE = 50;

export interface DirectoryEntry {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  /** Signs in only through single sign-on or an external issuer: no password here. */
  passwordless: boolean;
  createdAt: Date;
  keys: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(filter: { q?: string; before?: number }): Promise<{
  users: DirectoryEntry[];
  next?: number;
}> {
  const conditions: (SQL | undefined)[] = [filter.before ? lt(users.id, filter.before) : undefined];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(like(users.email, pattern), like(users.name, pattern)));
  }
  const rows = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      passwordless: sql<number>`${users.passwordHash} is null`,
      createdAt: users.createdAt,
      // Per row, through api_keys_user_idx: never a count over every key.
      keys: sql<number>`(select count(*) from ${apiKeys} where ${apiKeys.userId} = ${users.id})`,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.id))
    .limit(USERS_PAGE + 1);
  const page = rows.slice(0, USERS_PAGE).map((row) => ({
    ...row,
    passwordless: Boolean(Number(row.passwordless)),
    keys: Number(row.keys),
  }));
  return { users: page, next: rows.length > USERS_PAGE ? page.at(-1)!.id : undefined };
}

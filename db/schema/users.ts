import { bigint, boolean, index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdNow, instant } from "./columns";

export const roles = ["user", "admin"] as const;
export type Role = (typeof roles)[number];

export const users = mysqlTable(
  "users",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    email: varchar("email", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }),
    // Null for users provisioned from an external issuer: they cannot sign in with a password.
    passwordHash: varchar("password_hash", { length: 255 }),
    role: mysqlEnum("role", roles).notNull().default("user"),
    disabled: boolean("disabled").notNull().default(false),
    // Every session and API token issued before this instant is refused: "sign out everywhere",
    // and disabling (so that enabling again does not bring old tokens back). Null: none refused.
    tokensValidAfter: instant("tokens_valid_after"),
    createdAt: createdNow("created_at"),
    updatedAt: createdNow("updated_at"),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_role_idx").on(t.role)],
);

export type User = typeof users.$inferSelect;

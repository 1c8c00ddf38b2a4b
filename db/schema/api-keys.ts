import { bigint, char, index, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdNow, instant } from "./columns";

// Keys for services (lib/auth/api-keys.ts). The key itself holds no secret: its secrets live in
// api_key_secrets, one row each, so a rotation can keep the old secret valid for a grace period.
export const apiKeys = mysqlTable(
  "api_keys",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    userId: bigint("user_id", { mode: "number", unsigned: true }).notNull(),
    name: varchar("name", { length: 100 }).notNull(),
    // Space-separated, as OAuth writes scopes (lib/auth/scopes.ts).
    scopes: varchar("scopes", { length: 255 }).notNull(),
    createdAt: createdNow("created_at"),
    expiresAt: instant("expires_at"),
    lastUsedAt: instant("last_used_at"),
    lastUsedIp: varchar("last_used_ip", { length: 45 }),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);

// Only a SHA-256 of each secret: the secret is 32 random bytes, so the hash cannot be reversed or
// guessed, and a copy of this table authenticates nobody. The prefix (the secret's first
// characters, shown in lists) finds the row; the hash is then compared in constant time.
export const apiKeySecrets = mysqlTable(
  "api_key_secrets",
  {
    prefix: varchar("prefix", { length: 16 }).primaryKey(),
    keyId: bigint("key_id", { mode: "number", unsigned: true }).notNull(),
    hash: char("hash", { length: 64 }).notNull(), // hex
    createdAt: createdNow("created_at"),
    // Set on the secrets a rotation replaced: valid until then. Null: valid while the key is.
    expiresAt: instant("expires_at"),
  },
  (t) => [index("aks_key_idx").on(t.keyId), index("aks_expires_idx").on(t.expiresAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

import { bigint, char, index, mysqlTable, primaryKey, smallint, text, varchar } from "drizzle-orm/mysql-core";
import { createdNow } from "./columns";
import { users } from "./users";

// Idempotency-Key on submit: the first response per (user, key) is kept for 24 h and replayed.
// The primary key makes concurrent duplicates wait on one another and then collide, so exactly
// one request does the work.
export const idempotencyKeys = mysqlTable(
  "idempotency_keys",
  {
    userId: bigint("user_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: varchar("idem_key", { length: 255 }).notNull(),
    // SHA-256 of the request body: the same key with a different body is a client bug, not a retry.
    requestHash: char("request_hash", { length: 64 }).notNull(),
    statusCode: smallint("status_code", { unsigned: true }).notNull(),
    responseBody: text("response_body").notNull(),
    createdAt: createdNow("created_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("ik_created_idx").on(t.createdAt)],
);

import { datetime, index, int, mysqlTable, varchar } from "drizzle-orm/mysql-core";

// Fixed-window counters shared by every app instance (sign-in attempts, token requests, emails).
export const rateLimits = mysqlTable(
  "rate_limits",
  {
    bucket: varchar("bucket", { length: 191 }).primaryKey(),
    hits: int("hits", { unsigned: true }).notNull(),
    resetAt: datetime("reset_at", { mode: "date", fsp: 3 }).notNull(),
  },
  (t) => [index("rl_reset_idx").on(t.resetAt)],
);

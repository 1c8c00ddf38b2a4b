import { bigint, index, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { instant } from "./columns";

// Web sessions that were signed out. A session cookie is a signed JWT the server keeps nothing
// of, so without this list it would stay valid until it expires (7 days) after "Sign out".
// A row is needed only until the session would have expired; housekeeping deletes it then.
export const revokedSessions = mysqlTable(
  "revoked_sessions",
  {
    sid: varchar("sid", { length: 64 }).primaryKey(),
    userId: bigint("user_id", { mode: "number", unsigned: true }).notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("rs_expires_idx").on(t.expiresAt)],
);

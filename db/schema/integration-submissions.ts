import {
  bigint,
  boolean,
  index,
  int,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  varchar,
} from "drizzle-orm/mysql-core";
import { createdNow, instant } from "./columns";
import { users } from "./users";

import { statuses } from "../../lib/integrations/status";
import { checkResults } from "../../lib/integrations/connection-status";

export { statuses, type Status } from "../../lib/integrations/status";

// Every list is "filter, then order by <sort key>, id" read with a keyset cursor. InnoDB appends
// the primary key to each secondary index, so an index on (filter, sort key) is already
// (filter, sort key, id): each page is one index range read, with no filesort, even at the end
// of a million rows.
export const integrationSubmissions = mysqlTable(
  "integration_submissions",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    userId: bigint("user_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    userEmail: varchar("user_email", { length: 255 }).notNull(),
    integrationType: varchar("integration_type", { length: 64 }).notNull(),
    integrationName: varchar("integration_name", { length: 255 }).notNull(),
    status: mysqlEnum("status", statuses).notNull().default("pending"),
    // AES-256-GCM envelope "<key id>:<iv>:<tag>:<ciphertext>" (base64): see lib/crypto.
    // 32 KiB of JSON grows to ~44 KiB of base64, past TEXT's 64 KiB only with headroom to spare;
    // MEDIUMTEXT leaves no doubt.
    data: mediumtext("data").notNull(),
    callbackUrl: varchar("callback_url", { length: 2048 }),
    source: varchar("source", { length: 64 }),
    savedToServer: boolean("saved_to_server").notNull().default(true),
    // Bumped on every write: the ETag / If-Match value, immune to two writes in one millisecond.
    version: int("version", { unsigned: true }).notNull().default(1),
    submittedAt: createdNow("submitted_at"),
    updatedAt: createdNow("updated_at"),
    // The last connection check (lib/integrations/connection.ts). Null until one has run: the
    // status then follows from the type (untested, not connected or unsupported).
    connectionStatus: mysqlEnum("connection_status", checkResults),
    connectionCheckedAt: instant("connection_checked_at"),
    connectionMessage: varchar("connection_message", { length: 255 }),
    // When the scheduled check looks at it again (lib/integrations/connection-health.ts): set with
    // every stored result, so only connections that have been checked once are re-checked.
    connectionNextCheckAt: instant("connection_next_check_at"),
  },
  (t) => [
    index("is_submitted_idx").on(t.submittedAt),
    index("is_updated_idx").on(t.updatedAt),
    // Sorting by status alone needs (status, id); (status, submitted_at, id) cannot give that order.
    index("is_status_idx").on(t.status),
    index("is_status_submitted_idx").on(t.status, t.submittedAt),
    index("is_status_updated_idx").on(t.status, t.updatedAt),
    index("is_type_submitted_idx").on(t.integrationType, t.submittedAt),
    index("is_type_updated_idx").on(t.integrationType, t.updatedAt),
    // Name follows from type and email from owner: without these, "type = ? order by name" and
    // "user_id = ? order by user_email" walk the name/email index through every row that sorts
    // before the match (seconds at a million rows).
    index("is_type_name_idx").on(t.integrationType, t.integrationName),
    // A type sorted by email: walking the email index for one type reads ~8 rows per match.
    index("is_type_email_idx").on(t.integrationType, t.userEmail),
    index("is_user_submitted_idx").on(t.userId, t.submittedAt),
    index("is_user_updated_idx").on(t.userId, t.updatedAt),
    index("is_user_email_idx").on(t.userId, t.userEmail),
    // One owner's list sorted by status or name (measured at a million rows: 340–540 ms without).
    index("is_user_status_idx").on(t.userId, t.status),
    index("is_user_name_idx").on(t.userId, t.integrationName),
    index("is_name_idx").on(t.integrationName),
    index("is_email_idx").on(t.userEmail),
    index("is_next_check_idx").on(t.connectionNextCheckAt),
    // The connections that need attention (failed, needs_reauth): null for every row never
    // checked, so the range holds only the few checked ones (list-reads.ts, attentionIdQuery).
    index("is_connection_idx").on(t.connectionStatus),
  ],
);

export type IntegrationSubmission = typeof integrationSubmissions.$inferSelect;

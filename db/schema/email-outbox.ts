import { bigint, index, mysqlEnum, mysqlTable, smallint, varchar } from "drizzle-orm/mysql-core";
import { createdNow, instant } from "./columns";
import { integrationSubmissions } from "./integration-submissions";
import { jsonColumn } from "./json-column";

// pending: waiting for its next attempt; sending: claimed by a worker until locked_until;
// sent: accepted by the SMTP server; mailbox: kept here as the dev mailbox (no SMTP_URL);
// failed: gave up after the last attempt (an admin can queue it again).
export const outboxStatuses = ["pending", "sending", "sent", "mailbox", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** The longest subject stored (characters); longer template subjects are shortened to fit. */
export const SUBJECT_MAX_LENGTH = 200;

// Every email is written here first and sent from here, so none is lost when the mail server
// is down or the process dies between the request and the delivery.
export const emailOutbox = mysqlTable(
  "email_outbox",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    template: varchar("template", { length: 64 }).notNull(),
    recipient: varchar("recipient", { length: 255 }).notNull(),
    subject: varchar("subject", { length: SUBJECT_MAX_LENGTH }).notNull(),
    // Template props only: names, emails, statuses and links, never a credential value.
    props: jsonColumn<Record<string, unknown>>("props").notNull(),
    submissionId: bigint("submission_id", { mode: "number", unsigned: true }).references(
      () => integrationSubmissions.id,
      {
        onDelete: "set null",
      },
    ),
    status: mysqlEnum("status", outboxStatuses).notNull().default("pending"),
    attempts: smallint("attempts", { unsigned: true }).notNull().default(0),
    nextAttemptAt: createdNow("next_attempt_at"),
    lockedUntil: instant("locked_until"),
    lastError: varchar("last_error", { length: 500 }),
    messageId: varchar("message_id", { length: 255 }),
    createdAt: createdNow("created_at"),
    sentAt: instant("sent_at"),
  },
  (t) => [
    index("eo_due_idx").on(t.status, t.nextAttemptAt),
    index("eo_submission_idx").on(t.submissionId),
    index("eo_created_idx").on(t.createdAt),
  ],
);

export type OutboxEmail = typeof emailOutbox.$inferSelect;

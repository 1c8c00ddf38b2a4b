import { bigint, index, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdNow } from "./columns";
import { jsonColumn } from "./json-column";
import { integrationSubmissions } from "./integration-submissions";
import { users } from "./users";

export const eventTypes = [
  "created",
  "updated",
  "status_changed",
  "revealed",
  "email_sent",
  "email_queued",
  "email_failed",
  "connection_tested",
  "connected",
  "connect_failed",
  "refresh_failed",
  "message",
] as const;
export type EventType = (typeof eventTypes)[number];

/** What an event records besides its type; never a credential value. */
export interface EventDetails {
  fields?: string[];
  from?: string;
  to?: string;
  template?: string;
  recipient?: string;
  /** The team's message to the owner, with a status change or on its own. */
  note?: string;
  /** A connection check: what it found and its safe message (never a credential or raw body). */
  result?: string;
  message?: string;
  latencyMs?: number;
}

// The audit history of a submission, written in the same transaction as the change it records.
export const integrationEvents = mysqlTable(
  "integration_events",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    submissionId: bigint("submission_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => integrationSubmissions.id, { onDelete: "cascade" }),
    type: mysqlEnum("type", eventTypes).notNull(),
    actorId: bigint("actor_id", { mode: "number", unsigned: true }).references(() => users.id, {
      onDelete: "set null",
    }),
    actorEmail: varchar("actor_email", { length: 255 }),
    details: jsonColumn<EventDetails>("details"),
    createdAt: createdNow("created_at"),
  },
  (t) => [index("ie_submission_idx").on(t.submissionId, t.id)],
);

export type IntegrationEvent = typeof integrationEvents.$inferSelect;

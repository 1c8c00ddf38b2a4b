import { bigint, mysqlEnum, mysqlTable, primaryKey, tinyint, varchar } from "drizzle-orm/mysql-core";
import { statuses } from "./integration-submissions";

// How many submissions there are per (status, type), kept in the same transaction as every
// insert and status change (lib/integrations/counts.ts). A list filtered by nothing but status
// and type counts by summing a few of these rows instead of scanning an index of a million.
// Each (status, type) is spread over COUNTER_SLOTS rows and a write bumps one at random, so
// concurrent submits of one type rarely wait on the same row lock (or, on Galera, conflict at
// commit on it); a slot may go below zero, and only the sum per (status, type) means anything.
export const COUNTER_SLOTS = 8;

export const submissionCounts = mysqlTable(
  "submission_counts",
  {
    status: mysqlEnum("status", statuses).notNull(),
    integrationType: varchar("integration_type", { length: 64 }).notNull(),
    slot: tinyint("slot", { unsigned: true }).notNull().default(0),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.integrationType, t.slot] })],
);

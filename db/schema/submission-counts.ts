import { bigint, mysqlEnum, mysqlTable, primaryKey, varchar } from "drizzle-orm/mysql-core";
import { statuses } from "./integration-submissions";

// How many submissions there are per (status, type), kept in the same transaction as every
// insert and status change (lib/integrations/counts.ts). A list filtered by nothing but status
// and type counts by summing a few of these rows instead of scanning an index of a million.
export const submissionCounts = mysqlTable(
  "submission_counts",
  {
    status: mysqlEnum("status", statuses).notNull(),
    integrationType: varchar("integration_type", { length: 64 }).notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.integrationType] })],
);

import { bigint, index, mysqlEnum, mysqlTable, primaryKey, varchar } from "drizzle-orm/mysql-core";
import { statuses } from "./integration-submissions";

// How many submissions share each (owner, email, type, name, status), kept in the same
// transactions as submission_counts (lib/integrations/counts.ts). Search (`q`, a substring of
// name, type or email) matches these few thousand distinct combinations instead of a million
// rows: their sum is the exact count, and they say how many rows each index range a page could
// be read from holds (lib/integrations/list-plan.ts).
export const submissionGroups = mysqlTable(
  "submission_groups",
  {
    userId: bigint("user_id", { mode: "number", unsigned: true }).notNull(),
    userEmail: varchar("user_email", { length: 255 }).notNull(),
    integrationType: varchar("integration_type", { length: 64 }).notNull(),
    integrationName: varchar("integration_name", { length: 255 }).notNull(),
    status: mysqlEnum("status", statuses).notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({
      name: "submission_groups_pk",
      columns: [t.userId, t.userEmail, t.integrationType, t.integrationName, t.status],
    }),
    // The list planner (lib/integrations/list-stats.ts) reads every group of the names a search
    // matched, as it reads every group of the owners through the primary key.
    index("sg_name_idx").on(t.integrationName),
  ],
);

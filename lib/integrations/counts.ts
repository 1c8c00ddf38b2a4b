// submission_counts and submission_groups upkeep (list-stats.ts reads them). Every write that
// adds a submission or changes its status calls adjustCount or moveCount in its own transaction,
// so both tables are exact whenever it commits.
import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/transaction";
import {
  COUNTER_SLOTS,
  statuses,
  submissionCounts as c,
  submissionGroups as g,
  type Status,
} from "@/db/schema";

type Executor = Pick<Tx, "insert">;

/** What a submission is counted under. */
export interface CountKey {
  userId: number;
  userEmail: string;
  integrationType: string;
  integrationName: string;
  status: Status;
}

export async function adjustCount(tx: Executor, key: CountKey, delta: number): Promise<void> {
  await bumpTotal(tx, key.status, key.integrationType, delta);
  await bumpGroup(tx, key, delta);
}

/**
 * A status change moves one submission between two rows of each table. Rows are locked in one
 * order (counts before groups, each in status order), so two opposite moves cannot deadlock.
 */
export async function moveCount(
  tx: Executor,
  key: Omit<CountKey, "status">,
  from: Status,
  to: Status,
): Promise<void> {
  const moves = [
    { status: from, delta: -1 },
    { status: to, delta: 1 },
  ].sort((a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status));
  for (const { status, delta } of moves) await bumpTotal(tx, status, key.integrationType, delta);
  for (const { status, delta } of moves) await bumpGroup(tx, { ...key, status }, delta);
}

async function bumpTotal(tx: Executor, status: Status, integrationType: string, delta: number) {
  const slot = Math.floor(Math.random() * COUNTER_SLOTS);
  await tx
    .insert(c)
    .values({ status, integrationType, slot, n: delta })
    .onDuplicateKeyUpdate({ set: { n: sql`${c.n} + ${delta}` } });
}

async function bumpGroup(tx: Executor, key: CountKey, delta: number) {
  await tx
    .insert(g)
    .values({
      userId: key.userId,
      userEmail: key.userEmail,
      integrationType: key.integrationType,
      integrationName: key.integrationName,
      status: key.status,
      n: delta,
    })
    .onDuplicateKeyUpdate({ set: { n: sql`${g.n} + ${delta}` } });
}

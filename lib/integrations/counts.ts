// submission_counts upkeep and use. Every write that adds a submission or changes its status
// calls adjustCount in its own transaction, so the counts are exact whenever it commits.
import "server-only";
import { and, eq, inArray, sql, sum, type SQL } from "drizzle-orm";
import { db } from "@/db";
import type { Tx } from "@/db/transaction";
import { statuses, submissionCounts as c, type Status } from "@/db/schema";

type Executor = Pick<Tx, "insert">;

export async function adjustCount(tx: Executor, status: Status, integrationType: string, delta: number): Promise<void> {
  await tx
    .insert(c)
    .values({ status, integrationType, n: delta })
    .onDuplicateKeyUpdate({ set: { n: sql`${c.n} + ${delta}` } });
}

/** A status change moves one submission between two rows; locked in key order, so two opposite moves cannot deadlock. */
export async function moveCount(tx: Executor, integrationType: string, from: Status, to: Status): Promise<void> {
  const [first, second] = [
    { status: from, delta: -1 },
    { status: to, delta: 1 },
  ].sort((a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status));
  await adjustCount(tx, first!.status, integrationType, first!.delta);
  await adjustCount(tx, second!.status, integrationType, second!.delta);
}

/** The total for a filter of only statuses and/or a type: a sum over at most a few dozen rows. */
export async function countFromTotals(filter: { statuses?: Status[]; type?: string }): Promise<number> {
  const where: (SQL | undefined)[] = [
    filter.statuses ? inArray(c.status, filter.statuses) : undefined,
    filter.type ? eq(c.integrationType, filter.type) : undefined,
  ];
  const [row] = await db().select({ n: sum(c.n) }).from(c).where(and(...where));
  return Number(row?.n ?? 0);
}

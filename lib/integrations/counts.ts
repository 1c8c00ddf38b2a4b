// submission_counts and submission_groups upkeep and use. Every write that adds a submission or
// changes its status calls adjustCount or moveCount in its own transaction, so both tables are
// exact whenever it commits.
import "server-only";
import { and, eq, gt, inArray, sql, sum, type SQL } from "drizzle-orm";
import { containing } from "@/db/contains";
import { db } from "@/db";
import type { Tx } from "@/db/transaction";
import { statuses, submissionCounts as c, submissionGroups as g, type Status } from "@/db/schema";

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
export async function moveCount(tx: Executor, key: Omit<CountKey, "status">, from: Status, to: Status): Promise<void> {
  const moves = [
    { status: from, delta: -1 },
    { status: to, delta: 1 },
  ].sort((a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status));
  for (const { status, delta } of moves) await bumpTotal(tx, status, key.integrationType, delta);
  for (const { status, delta } of moves) await bumpGroup(tx, { ...key, status }, delta);
}

async function bumpTotal(tx: Executor, status: Status, integrationType: string, delta: number) {
  await tx
    .insert(c)
    .values({ status, integrationType, n: delta })
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

/** The total for a filter of only statuses and/or a type: a sum over at most a few dozen rows. */
export async function countFromTotals(filter: { statuses?: Status[]; type?: string }): Promise<number> {
  const where: (SQL | undefined)[] = [
    filter.statuses ? inArray(c.status, filter.statuses) : undefined,
    filter.type ? eq(c.integrationType, filter.type) : undefined,
  ];
  const [row] = await db().select({ n: sum(c.n) }).from(c).where(and(...where));
  return Number(row?.n ?? 0);
}

/** A list filter that submission_groups can answer: anything but dates. */
export interface GroupFilter {
  userId?: number;
  statuses?: Status[];
  type?: string;
  /** Substring of name, type or email. */
  q?: string;
}

/** The groups a filter selects (only those that still hold a submission). */
export function groupsMatching(filter: GroupFilter): SQL | undefined {
  return and(
    gt(g.n, 0),
    filter.userId === undefined ? undefined : eq(g.userId, filter.userId),
    filter.statuses ? inArray(g.status, filter.statuses) : undefined,
    filter.type ? eq(g.integrationType, filter.type) : undefined,
    filter.q ? containing([g.integrationName, g.integrationType, g.userEmail], filter.q) : undefined,
  );
}

/** The total for an owner and/or search filter: a sum over the matching groups. */
export async function countFromGroups(filter: GroupFilter): Promise<number> {
  const [row] = await db().select({ n: sum(g.n) }).from(g).where(groupsMatching(filter));
  return Number(row?.n ?? 0);
}

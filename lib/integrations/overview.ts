// The numbers at the top of the admin dashboard: submissions by status, read from the kept
// totals on every render (a few rows), so they change with the table below them; and per day and
// status over the last 30 days (a submitted_at range scan, a few hundred milliseconds at a
// million rows), shared for 10 seconds between renders and refreshed in the background.
import "server-only";
import { count, gte, inArray, sql, sum } from "drizzle-orm";
import { db } from "@/db";
import { cached } from "@/lib/ttl-cache";
import { attentionStatuses } from "./connection-status";
import { integrationSubmissions as t, statuses, submissionCounts as c, type Status } from "@/db/schema";

export const OVERVIEW_DAYS = 30;

const OVERVIEW_TTL_MS = 10_000;

export const dailyCounts = cached(OVERVIEW_TTL_MS, () => countByDay(OVERVIEW_DAYS));
export const knownTypes = cached(OVERVIEW_TTL_MS, distinctTypes);

// From the kept totals (lib/integrations/counts.ts): a few rows, not a million.
export async function statusCounts(): Promise<Record<Status, number>> {
  const rows = await db()
    .select({ status: c.status, n: sum(c.n) })
    .from(c)
    .groupBy(c.status);
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>;
  for (const row of rows) counts[row.status] = Number(row.n ?? 0);
  return counts;
}

/** Connections that failed or must be connected again: a count of their index range (few rows). */
export async function attentionCount(): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(t, { forceIndex: "is_connection_idx" })
    .where(inArray(t.connectionStatus, [...attentionStatuses]));
  return row?.n ?? 0;
}

export interface DayCounts {
  day: string;
  counts: Record<Status, number>;
}

async function countByDay(days: number): Promise<DayCounts[]> {
  const start = new Date();
  start.setUTCHours(0, 0, 0, 0);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  const day = sql<string>`DATE_FORMAT(${t.submittedAt}, '%Y-%m-%d')`;
  const rows = await db()
    .select({ day, status: t.status, n: count() })
    .from(t)
    .where(gte(t.submittedAt, start))
    .groupBy(day, t.status);
  const byDay = new Map<string, Record<Status, number>>();
  for (let i = 0; i < days; i++) {
    const date = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    byDay.set(date, Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>);
  }
  for (const row of rows) {
    const counts = byDay.get(row.day);
    if (counts) counts[row.status] = Number(row.n);
  }
  return [...byDay].map(([date, counts]) => ({ day: date, counts }));
}

/** The integration types present, for the type filter (a loose scan of the type index). */
async function distinctTypes(): Promise<string[]> {
  const rows = await db().selectDistinct({ type: t.integrationType }).from(t).orderBy(t.integrationType);
  return rows.map((row) => row.type);
}

// Fixed-window rate limits kept in the database, so every app instance shares one count.
import "server-only";
import { eq, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";

export interface Limit {
  /** Most hits allowed per window. */
  max: number;
  windowSeconds: number;
}

export interface LimitState {
  hits: number;
  /** Seconds until the window resets (at least 1); after a hit, exact only when limited. */
  retryAfter: number;
  limited: boolean;
}

function state(row: { hits: number; resetAt: Date } | undefined, limit: Limit): LimitState {
  if (!row || row.resetAt.getTime() <= Date.now())
    return { hits: 0, retryAfter: limit.windowSeconds, limited: false };
  return {
    hits: row.hits,
    retryAfter: Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000)),
    limited: row.hits >= limit.max,
  };
}

/** Counts one hit against the bucket and returns the state including it. */
export async function hit(bucket: string, limit: Limit): Promise<LimitState> {
  // One atomic upsert: a window that has run out starts again at 1. Assignments run left to
  // right, so hits is computed while reset_at still holds the old window's end. LAST_INSERT_ID(x)
  // hands the new count back in the statement's own answer (MySQL and MariaDB alike), so a hit is
  // one round trip; only a refusal reads the window's end for Retry-After.
  const [result] = await db()
    .insert(rateLimits)
    .values({
      bucket,
      hits: sql`LAST_INSERT_ID(1)`,
      resetAt: sql`CURRENT_TIMESTAMP(3) + INTERVAL ${limit.windowSeconds} SECOND`,
    })
    .onDuplicateKeyUpdate({
      set: {
        hits: sql`LAST_INSERT_ID(IF(${rateLimits.resetAt} <= CURRENT_TIMESTAMP(3), 1, ${rateLimits.hits} + 1))`,
        resetAt: sql`IF(${rateLimits.resetAt} <= CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3) + INTERVAL ${limit.windowSeconds} SECOND, ${rateLimits.resetAt})`,
      },
    });
  const hits = Number(result.insertId);
  if (hits <= limit.max) return { hits, retryAfter: limit.windowSeconds, limited: false };
  const current = await peek(bucket, limit);
  return { ...current, hits, limited: true };
}

/** The bucket's state without counting a hit: limited once max hits are used up. */
export async function peek(bucket: string, limit: Limit): Promise<LimitState> {
  const [row] = await db()
    .select({ hits: rateLimits.hits, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(eq(rateLimits.bucket, bucket))
    .limit(1);
  return state(row, limit);
}

/** Takes one hit back (an attempt that turned out not to count). */
export async function unhit(bucket: string): Promise<void> {
  await db()
    .update(rateLimits)
    .set({ hits: sql`IF(${rateLimits.hits} > 0, ${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.bucket, bucket));
}

export async function reset(bucket: string): Promise<void> {
  await db().delete(rateLimits).where(eq(rateLimits.bucket, bucket));
}

/** Deletes up to `batch` buckets whose window has closed (housekeeping); how many went. */
export async function purgeClosedWindows(batch: number): Promise<number> {
  const [result] = await db()
    .delete(rateLimits)
    .where(lte(rateLimits.resetAt, sql`CURRENT_TIMESTAMP(3)`))
    .limit(batch);
  return result.affectedRows;
}

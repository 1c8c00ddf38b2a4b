// Re-sealing every submission's data, and the OAuth tokens held for them, under the newest key
// (npm run keys:rotate). Walks the table
// by id in batches, so it is resumable (rows already on the newest key are skipped) and light
// on the server. Each write is compare-and-set on the old ciphertext: a row the app changed in
// the meantime is left alone (the app sealed it with the newest key anyway), so it is safe to run
// while the app serves traffic.
import "server-only";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import type { MySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import { integrationSubmissions as t, integrationTokens, webhookEndpoints } from "@/db/schema";
import { openData, sealData, sealedKeyId } from "./data-cipher";
import { appKeyRing } from "./key-ring";

export interface RotationProgress {
  scanned: number;
  rotated: number;
  /** Other sealed values re-sealed after the submissions: OAuth token sets, webhook secrets. */
  tokensRotated: number;
  total: number;
  lastId: number;
}

/** Re-seals one row as it was read; false when it already uses the newest key or changed since. */
export async function rotateRow(row: { id: number; data: string }): Promise<boolean> {
  const ring = appKeyRing();
  if (sealedKeyId(row.data) === ring.current.id) return false;
  const [result] = await db()
    .update(t)
    .set({ data: sealData(openData(row.data, ring), ring) })
    .where(and(eq(t.id, row.id), eq(t.data, row.data)));
  return result.affectedRows === 1;
}

export async function rotateKeys(
  options: { batchSize?: number; fromId?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<RotationProgress> {
  const batchSize = options.batchSize ?? 500;
  const [total] = await db()
    .select({ n: count() })
    .from(t)
    .where(gt(t.id, options.fromId ?? 0));
  const progress: RotationProgress = {
    scanned: 0,
    rotated: 0,
    tokensRotated: 0,
    total: total?.n ?? 0,
    lastId: options.fromId ?? 0,
  };
  for (;;) {
    const rows = await db()
      .select({ id: t.id, data: t.data })
      .from(t)
      .where(gt(t.id, progress.lastId))
      .orderBy(asc(t.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) if (await rotateRow(row)) progress.rotated += 1;
    progress.scanned += rows.length;
    progress.lastId = rows.at(-1)!.id;
    options.onProgress?.({ ...progress });
  }
  progress.tokensRotated = await rotateTokens();
  return progress;
}

/**
 * The same for the other sealed columns (OAuth tokens, webhook secrets): small tables, walked by
 * id, each value compare-and-set.
 */
async function resealColumn(
  table: MySqlTable,
  id: MySqlColumn,
  column: MySqlColumn,
  /** The column's property name in the schema (what update().set() takes). */
  key: string,
): Promise<number> {
  const ring = appKeyRing();
  let rotated = 0;
  for (let after = 0; ;) {
    const rows = (await db()
      .select({ id, sealed: column })
      .from(table)
      .where(gt(id, after))
      .orderBy(asc(id))
      .limit(500)) as { id: number; sealed: string | null }[];
    if (rows.length === 0) return rotated;
    for (const row of rows) {
      if (row.sealed === null || sealedKeyId(row.sealed) === ring.current.id) continue;
      const [result] = await db()
        .update(table)
        .set({ [key]: sealData(openData(row.sealed, ring), ring) } as never)
        .where(and(eq(id, row.id), eq(column, row.sealed)));
      rotated += result.affectedRows;
    }
    after = rows.at(-1)!.id;
  }
}

const rotateTokens = async () =>
  (await resealColumn(
    integrationTokens,
    integrationTokens.submissionId,
    integrationTokens.sealed,
    "sealed",
  )) +
  (await resealColumn(webhookEndpoints, webhookEndpoints.id, webhookEndpoints.secret, "secret")) +
  (await resealColumn(
    webhookEndpoints,
    webhookEndpoints.id,
    webhookEndpoints.previousSecret,
    "previousSecret",
  ));

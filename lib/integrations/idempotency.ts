// Idempotency-Key on submit: per caller, for 24 hours, the first successful response is kept
// and replayed. The key row is written in the submission's own transaction, so of two
// concurrent requests with one key the second waits on the primary key, then collides, and
// replays what the first committed.
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { errors } from "@/lib/http/errors";
import type { Tx } from "@/db/transaction";

const KEY = /^[\x21-\x7e]{1,255}$/;
const TTL = sql`CURRENT_TIMESTAMP(3) - INTERVAL 24 HOUR`;

export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface Idempotency {
  userId: number;
  key: string;
  requestHash: string;
}

export function idempotencyFor(
  userId: number,
  header: string | null,
  body: unknown,
): Idempotency | undefined {
  if (header === null) return undefined;
  if (!KEY.test(header)) {
    throw errors.validation([
      { field: "Idempotency-Key", message: "must be 1-255 visible ASCII characters" },
    ]);
  }
  const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  return { userId, key: header, requestHash };
}

/** The response stored under this key in the last 24 h; a mismatching body is a 409. */
export async function storedResponse(idem: Idempotency): Promise<StoredResponse | undefined> {
  const where = and(eq(idempotencyKeys.userId, idem.userId), eq(idempotencyKeys.key, idem.key));
  // An expired key is free again: drop it, so the insert after the new work does not collide.
  await db()
    .delete(idempotencyKeys)
    .where(and(where, lte(idempotencyKeys.createdAt, TTL)));
  const [row] = await db()
    .select()
    .from(idempotencyKeys)
    .where(and(where, gt(idempotencyKeys.createdAt, TTL)))
    .limit(1);
  if (!row) return undefined;
  if (row.requestHash !== idem.requestHash) {
    throw errors.conflict(
      "Idempotency-Key was already used with a different request body",
      "idempotency_mismatch",
    );
  }
  const body: unknown = JSON.parse(row.responseBody);
  if (typeof body !== "object" || body === null)
    throw new Error("Stored idempotent response is not an object");
  return { status: row.statusCode, body: { ...body } };
}

export async function storeResponse(tx: Tx, idem: Idempotency, response: StoredResponse): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    userId: idem.userId,
    key: idem.key,
    requestHash: idem.requestHash,
    statusCode: response.status,
    responseBody: JSON.stringify(response.body),
  });
}

/** Deletes up to `batch` keys past their 24 h (housekeeping); how many went. */
export async function purgeExpiredKeys(batch: number): Promise<number> {
  const [result] = await db().delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, TTL)).limit(batch);
  return result.affectedRows;
}

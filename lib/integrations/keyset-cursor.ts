// The list cursor: where the previous page ended (sort key value and id), base64url JSON plus
// an HMAC over it and the query it belongs to. A cursor that was edited, or that comes from
// another sort, filter or caller, fails the check and is answered with 400. A backward cursor
// (prevCursor) marks where a page began and asks for the rows before it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { statuses } from "@/db/schema";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import type { SortKey } from "./schemas";

export type CursorValue = string | Date;

export interface Cursor {
  value: CursorValue;
  id: number;
  /** The rows before this position rather than after it. */
  backward?: true;
}

const payload = z.object({
  v: z.string().max(255),
  i: z.number().int().positive(),
  b: z.literal(1).optional(),
});

function signature(body: string, context: string): Buffer {
  return createHmac("sha256", env().AUTH_SECRET)
    .update(`keyset-cursor\n${context}\n${body}`)
    .digest()
    .subarray(0, 16);
}

export function encodeCursor(cursor: Cursor, context: string): string {
  const value = cursor.value instanceof Date ? cursor.value.toISOString() : cursor.value;
  const body = Buffer.from(
    JSON.stringify({ v: value, i: cursor.id, ...(cursor.backward && { b: 1 }) }),
  ).toString("base64url");
  return `${body}.${signature(body, context).toString("base64url")}`;
}

/** `context` names everything the cursor is only valid for: the caller's scope, filters and sort. */
export function decodeCursor(text: string, sort: SortKey, context: string): Cursor {
  const [body, mac, extra] = text.split(".");
  if (body === undefined || mac === undefined || extra !== undefined) throw invalid();
  // Compared as text: base64 decoding skips stray characters, so two spellings can decode alike.
  const expected = Buffer.from(signature(body, context).toString("base64url"));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw invalid();
  const { v, i, b } = result.data;
  const direction = b ? { backward: true as const } : {};
  if (sort === "submittedAt" || sort === "updatedAt") {
    const date = new Date(v);
    if (Number.isNaN(date.getTime())) throw invalid();
    return { value: date, id: i, ...direction };
  }
  if (sort === "status" && !(statuses as readonly string[]).includes(v)) throw invalid();
  return { value: v, id: i, ...direction };
}

function invalid() {
  return errors.validation([
    { field: "cursor", message: "is not a cursor from this list; start again without it" },
  ]);
}

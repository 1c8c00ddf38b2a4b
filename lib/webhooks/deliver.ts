// Delivering a queued event: POSTed with the Standard Webhooks headers, signed with the
// endpoint's secret(s), through the URL guard with no redirects and a 10 s timeout. A 2xx
// delivers it; anything else is tried again with growing waits for at least a day, then marked
// failed. Every attempt is kept. Twenty deliveries in a row marked failed (each tried for a day)
// disable the endpoint and tell its owner: a receiver's short outage under heavy traffic fails
// many attempts in a second, and must not turn its endpoint off.
import "server-only";
import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { keepTrying } from "@/db/keep-trying";
import {
  users,
  webhookAttempts,
  webhookDeliveries as d,
  webhookEndpoints as w,
  type WebhookDelivery,
} from "@/db/schema";
import type { Response } from "undici";
import { FetchTimeoutError, safeFetch, UnsafeUrlError } from "@/lib/http/safe-fetch";
import { enqueue } from "@/lib/mail/outbox";
import { env } from "@/lib/env";
import { signingSecrets, webhookPolicy } from "./endpoints";
import { sign } from "./signing";

const TIMEOUT_MS = 10_000;
const LOCK_MS = 60_000;
// Waits after the 1st, 2nd, … failed attempt; then every 6 hours until GIVE_UP_MS has passed.
const BACKOFF_S = [10, 60, 300, 1_800, 3_600, 3 * 3_600];
const LATER_S = 6 * 3_600;
const GIVE_UP_MS = 25 * 3_600_000;
const DISABLE_AFTER = 20;
const BODY_KEPT = 1_024;

export interface AttemptResult {
  delivered: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

/** Due deliveries this process now holds: no earlier one of the same submission is still waiting. */
export async function claimDue(limit: number): Promise<WebhookDelivery[]> {
  const earlier = sql`exists (select 1 from ${d} as e where e.endpoint_id = ${d.endpointId} and e.submission_id = ${d.submissionId} and e.status = 'pending' and e.id < ${d.id})`;
  const due = await db()
    .select()
    .from(d)
    .where(
      and(
        eq(d.status, "pending"),
        lte(d.nextAttemptAt, sql`CURRENT_TIMESTAMP(3)`),
        or(isNull(d.lockedUntil), lt(d.lockedUntil, sql`CURRENT_TIMESTAMP(3)`)),
        sql`not ${earlier}`,
        // A turned-off endpoint's deliveries wait for it to be turned on again.
        sql`exists (select 1 from ${w} where ${w.id} = ${d.endpointId} and ${w.enabled})`,
      ),
    )
    .orderBy(asc(d.id))
    .limit(limit);
  const held: WebhookDelivery[] = [];
  for (const row of due) if (await lock(row.id)) held.push(row);
  return held;
}

async function lock(id: number): Promise<boolean> {
  const [result] = await db()
    .update(d)
    .set({ lockedUntil: new Date(Date.now() + LOCK_MS) })
    .where(
      and(
        eq(d.id, id),
        eq(d.status, "pending"),
        or(isNull(d.lockedUntil), lt(d.lockedUntil, sql`CURRENT_TIMESTAMP(3)`)),
      ),
    );
  return result.affectedRows === 1;
}

/** First bytes of an answer's body, as text: kept for the log, never rendered as HTML. */
async function bodyStart(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < BODY_KEPT) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, BODY_KEPT).toString("utf8");
}

/** POSTs one held delivery now and records what happened. */
export async function attempt(delivery: WebhookDelivery): Promise<AttemptResult> {
  const [endpoint] = await db().select().from(w).where(eq(w.id, delivery.endpointId));
  if (!endpoint)
    return { delivered: false, responseStatus: null, durationMs: 0, error: "gone", responseBody: null };
  const timestamp = Math.floor(Date.now() / 1000);
  const started = Date.now();
  let result: AttemptResult;
  try {
    const response = await safeFetch(
      endpoint.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "IntegrationsHub-Webhooks/1",
          "webhook-id": delivery.messageId,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signingSecrets(endpoint)
            .map((secret) => sign(secret, delivery.messageId, timestamp, delivery.body))
            .join(" "),
        },
        body: delivery.body,
      },
      { ...webhookPolicy(), timeoutMs: TIMEOUT_MS, noRedirects: true },
    );
    const responseBody = await bodyStart(response);
    const delivered = response.status >= 200 && response.status < 300;
    result = {
      delivered,
      responseStatus: response.status,
      durationMs: Date.now() - started,
      error: delivered ? null : `Answered ${response.status}`,
      responseBody,
    };
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    result = {
      delivered: false,
      responseStatus: null,
      durationMs: Date.now() - started,
      error:
        error instanceof UnsafeUrlError
          ? `The URL ${error.message}`
          : error instanceof FetchTimeoutError
            ? `No answer within ${TIMEOUT_MS / 1000} s`
            : `Could not connect${typeof code === "string" ? ` (${code})` : ""}`,
      responseBody: null,
    };
  }
  // Answered but not yet recorded: a moment without the database must not send it twice.
  await keepTrying(() => record(delivery, endpoint.failures, result), LOCK_MS - 5_000);
  return result;
}

async function record(delivery: WebhookDelivery, failures: number, result: AttemptResult): Promise<void> {
  const attempts = delivery.attempts + 1;
  const givenUp = !result.delivered && Date.now() - delivery.createdAt.getTime() >= GIVE_UP_MS;
  const wait = (BACKOFF_S[attempts - 1] ?? LATER_S) * 1000;
  await db().transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      responseStatus: result.responseStatus,
      durationMs: result.durationMs,
      error: result.error?.slice(0, 255) ?? null,
      responseBody: result.responseBody?.slice(0, BODY_KEPT) ?? null,
    });
    await tx
      .update(d)
      .set({
        attempts,
        lockedUntil: null,
        responseStatus: result.responseStatus,
        durationMs: result.durationMs,
        lastError: result.error?.slice(0, 255) ?? null,
        ...(result.delivered
          ? { status: "delivered" as const, deliveredAt: sql`CURRENT_TIMESTAMP(3)` }
          : givenUp
            ? { status: "failed" as const }
            : { nextAttemptAt: new Date(Date.now() + wait) }),
      })
      .where(eq(d.id, delivery.id));
    // The endpoint's row is touched only when its run of failures changes, so a flood of
    // deliveries to one endpoint does not queue on that one row.
    if (result.delivered && failures > 0)
      await tx.update(w).set({ failures: 0 }).where(eq(w.id, delivery.endpointId));
    if (!givenUp) return;
    await tx
      .update(w)
      .set({ failures: sql`${w.failures} + 1` })
      .where(eq(w.id, delivery.endpointId));
    // The 20th failed delivery in a row: the endpoint stops, and its owner hears why (once: it is off now).
    const [endpoint] = await tx
      .select({ failures: w.failures, enabled: w.enabled, url: w.url, email: users.email })
      .from(w)
      .innerJoin(users, eq(users.id, w.userId))
      .where(eq(w.id, delivery.endpointId));
    if (endpoint && endpoint.enabled && endpoint.failures >= DISABLE_AFTER) {
      await tx.update(w).set({ enabled: false }).where(eq(w.id, delivery.endpointId));
      await enqueue(
        {
          template: "webhook_disabled",
          recipient: endpoint.email,
          props: {
            url: endpoint.url,
            failures: endpoint.failures,
            lastError: result.error ?? "no answer",
            manageUrl: new URL("/docs/api", env().APP_URL).toString(),
          },
        },
        tx,
      );
    }
  });
}

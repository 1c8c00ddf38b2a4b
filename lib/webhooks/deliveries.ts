// What happened to an endpoint's events (GET /api/webhooks/{id}/deliveries), sending a test event
// now, and retrying a delivery by hand.
import "server-only";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { db } from "@/db";
import { webhookAttempts as a, webhookDeliveries as d } from "@/db/schema";
import type { AuthUser } from "@/lib/auth/user";
import { errors } from "@/lib/http/errors";
import { attempt, type AttemptResult } from "./deliver";
import { findEndpoint } from "./endpoints";
import type { WebhookEventType } from "./events";
import { newMessageId } from "./signing";
import { kickWebhookWorker } from "./worker";

const LISTED = 100;

export async function listDeliveries(
  caller: AuthUser,
  endpointId: number,
  filter: { status?: "pending" | "delivered" | "failed"; type?: WebhookEventType },
) {
  await findEndpoint(caller, endpointId);
  const rows = await db()
    .select()
    .from(d)
    .where(
      and(
        eq(d.endpointId, endpointId),
        filter.status ? eq(d.status, filter.status) : undefined,
        filter.type ? eq(d.type, filter.type) : undefined,
      ),
    )
    .orderBy(desc(d.id))
    .limit(LISTED);
  const tries = rows.length
    ? await db()
        .select()
        .from(a)
        .where(
          inArray(
            a.deliveryId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(desc(a.id))
    : [];
  return rows.map((row) => ({
    id: row.id,
    messageId: row.messageId,
    type: row.type,
    submissionId: row.submissionId,
    status: row.status,
    responseStatus: row.responseStatus,
    durationMs: row.durationMs,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    history: tries
      .filter((t) => t.deliveryId === row.id)
      .slice(0, 20)
      .map((t) => ({
        responseStatus: t.responseStatus,
        durationMs: t.durationMs,
        error: t.error,
        responseBody: t.responseBody,
        createdAt: t.createdAt.toISOString(),
      })),
  }));
}

/** POST /api/webhooks/{id}/test: a webhook.test event, sent now; the answer it got. */
export async function sendTestEvent(
  caller: AuthUser,
  endpointId: number,
): Promise<AttemptResult & { deliveryId: number }> {
  const endpoint = await findEndpoint(caller, endpointId);
  const body = JSON.stringify({
    type: "webhook.test",
    timestamp: new Date().toISOString(),
    data: { webhook: { id: endpoint.id, url: endpoint.url }, message: "A test event from Integrations Hub" },
  });
  const [inserted] = await db()
    .insert(d)
    .values({
      endpointId,
      messageId: newMessageId(),
      type: "webhook.test",
      body,
      // Held by this request from the start: the worker leaves it alone.
      lockedUntil: new Date(Date.now() + 60_000),
    })
    .$returningId();
  const [delivery] = await db().select().from(d).where(eq(d.id, inserted!.id));
  return { ...(await attempt(delivery!)), deliveryId: delivery!.id };
}

/** POST /api/webhooks/{id}/deliveries/{deliveryId}/retry: due again now, attempts kept. */
export async function retryDelivery(caller: AuthUser, endpointId: number, deliveryId: number): Promise<void> {
  await findEndpoint(caller, endpointId);
  const [result] = await db()
    .update(d)
    .set({ status: "pending", nextAttemptAt: new Date(), lockedUntil: null })
    .where(and(eq(d.id, deliveryId), eq(d.endpointId, endpointId)));
  if (result.affectedRows === 0) throw errors.notFound("Delivery not found");
  kickWebhookWorker();
}

const KEPT_DAYS = 30;

/** Housekeeping: finished deliveries (and their attempts) after 30 days. */
export async function purgeOldDeliveries(batch: number): Promise<number> {
  const [result] = await db()
    .delete(d)
    .where(
      and(
        inArray(d.status, ["delivered", "failed"]),
        lt(d.createdAt, new Date(Date.now() - KEPT_DAYS * 86_400_000)),
      ),
    )
    .limit(batch);
  return result.affectedRows;
}

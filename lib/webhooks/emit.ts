// Events are written in the transaction of the change they report, one delivery per endpoint
// that wants them, so a change and its events commit or vanish together (the email outbox's
// guarantee). Endpoints see only submissions they may see: their owner's own, or everyone's
// with scope "all" (an admin's).
import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Tx } from "@/db/transaction";
import { integrationSubmissions, webhookDeliveries, webhookEndpoints as w } from "@/db/schema";
import { toIntegrationDto } from "@/lib/integrations/serialize";
import type { WebhookEventType } from "./events";
import { newMessageId } from "./signing";

/** What an event's body says beside the submission (which fields, which status change). */
export type EventChanges = Record<string, unknown>;

/** Queues `type` about a submission for every endpoint that wants it; how many were queued. */
export async function queueWebhooks(
  tx: Tx,
  submission: { id: number; userId: number },
  type: WebhookEventType,
  changes?: EventChanges,
): Promise<number> {
  const endpoints = (
    await tx
      .select({ id: w.id, events: w.events })
      .from(w)
      .where(and(eq(w.enabled, true), or(eq(w.scope, "all"), eq(w.userId, submission.userId))))
  ).filter((endpoint) => endpoint.events.split(" ").includes(type));
  if (endpoints.length === 0) return 0;
  // The item exactly as /all shows it, secrets masked, as it stands inside this transaction.
  const [row] = await tx
    .select()
    .from(integrationSubmissions)
    .where(eq(integrationSubmissions.id, submission.id));
  if (!row) return 0;
  const body = JSON.stringify({
    type,
    timestamp: new Date().toISOString(),
    data: { submission: toIntegrationDto(row), ...(changes ? { changes } : {}) },
  });
  await tx.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      submissionId: submission.id,
      messageId: newMessageId(),
      type,
      body,
    })),
  );
  return endpoints.length;
}

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

/** One event about a submission, and what its body says beside it (which fields, which status change). */
export interface SubmissionEvent {
  type: WebhookEventType;
  changes?: Record<string, unknown>;
}

/**
 * Queues a change's events about a submission for every endpoint that wants them (one read of the
 * endpoints and of the submission for them all); how many deliveries were queued.
 */
export async function queueWebhooks(
  tx: Tx,
  submission: { id: number; userId: number },
  events: SubmissionEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const endpoints = await tx
    .select({ id: w.id, events: w.events })
    .from(w)
    .where(and(eq(w.enabled, true), or(eq(w.scope, "all"), eq(w.userId, submission.userId))));
  const deliveries = events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpoint.events.split(" ").includes(event.type))
      .map((endpoint) => ({ endpoint, event })),
  );
  if (deliveries.length === 0) return 0;
  // The item exactly as /all shows it, secrets masked, as it stands inside this transaction.
  const [row] = await tx
    .select()
    .from(integrationSubmissions)
    .where(eq(integrationSubmissions.id, submission.id));
  if (!row) return 0;
  const item = toIntegrationDto(row);
  const timestamp = new Date().toISOString();
  // In the events' order: the worker sends a submission's deliveries to an endpoint by id.
  await tx.insert(webhookDeliveries).values(
    deliveries.map(({ endpoint, event }) => ({
      endpointId: endpoint.id,
      submissionId: submission.id,
      messageId: newMessageId(),
      type: event.type,
      body: JSON.stringify({
        type: event.type,
        timestamp,
        data: { submission: item, ...(event.changes ? { changes: event.changes } : {}) },
      }),
    })),
  );
  return deliveries.length;
}

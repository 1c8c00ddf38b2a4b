// Submitting an integration request: the row (data sealed), its `created` event, the admins'
// notification in the outbox and, with an Idempotency-Key, the stored response, all in one
// transaction. Delivery happens afterwards in the mail worker, so it never delays the submit.
import "server-only";
import { hasErrorCode } from "@/db/errors";
import { transaction } from "@/db/transaction";
import { integrationSubmissions } from "@/db/schema";
import type { AuthUser } from "@/lib/auth/user";
import { sealData } from "@/lib/crypto/data-cipher";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import { hit } from "@/lib/rate-limit";
import { recordEvents } from "./events";
import { queueWebhooks } from "@/lib/webhooks/emit";
import { kickWebhookWorker } from "@/lib/webhooks/worker";
import { adjustCount, type CountKey } from "./counts";
import { idempotencyFor, storedResponse, storeResponse, type StoredResponse } from "./idempotency";
import { resolveOwner } from "./owner";
import { queueIntegrationRequest } from "@/lib/mail/notifications";
import { kickMailWorker } from "@/lib/mail/worker";
import type { SubmitBody } from "./schemas";

export interface SubmitResult extends StoredResponse {
  replayed: boolean;
}

/** Each submit mails the admins: one user cannot flood their inboxes (a replay is not counted). */
async function countSubmit(caller: AuthUser) {
  const max = env().SUBMIT_LIMIT_PER_MINUTE;
  if (max === 0) return;
  const state = await hit(`submit:${caller.id}`, { max, windowSeconds: 60 });
  if (state.limited) throw errors.rateLimited(state.retryAfter);
}

// Concurrent inserts of one key can deadlock when the first holder rolls back; InnoDB then
// aborts all but one, and a retry either collides cleanly or succeeds.
const ATTEMPTS = 3;

export async function submitIntegration(
  caller: AuthUser,
  body: SubmitBody,
  options: { idempotencyKey: string | null },
): Promise<SubmitResult> {
  const idem = idempotencyFor(caller.id, options.idempotencyKey, body);
  for (let attempt = 1; ; attempt++) {
    const stored = idem && (await storedResponse(idem));
    if (stored) return { ...stored, replayed: true };
    if (attempt === 1) await countSubmit(caller);
    const owner = await resolveOwner(caller, body);
    let hooks = 0;
    try {
      const response = await transaction(async (tx) => {
        const key: CountKey = {
          userId: owner.id,
          userEmail: owner.email,
          integrationType: body.integrationType,
          integrationName: body.integrationName,
          status: body.status,
        };
        const [row] = await tx
          .insert(integrationSubmissions)
          .values({
            ...key,
            data: sealData(body.data),
            callbackUrl: body.callbackUrl ?? null,
            source: body.source ?? null,
          })
          .$returningId();
        if (!row) throw new Error("Insert returned no id");
        const submission = { id: row.id, ...body, userEmail: owner.email };
        const queued = await queueIntegrationRequest(
          tx,
          submission,
          owner.id === caller.id ? caller.name : null,
        );
        await recordEvents(tx, row.id, [
          { actor: caller, type: "created", details: { to: body.status } },
          ...queued,
        ]);
        hooks = await queueWebhooks(tx, { id: row.id, userId: owner.id }, [{ type: "submission.created" }]);
        const result: StoredResponse = {
          status: 201,
          body: {
            success: true,
            id: row.id,
            message: `${body.integrationName} integration submitted successfully`,
          },
        };
        if (idem) await storeResponse(tx, idem, result);
        // Last: every submit of a type and status bumps the same two count rows, and their lock
        // is held until COMMIT. Taken first, it was held through the statements after it and the
        // event-loop waits between them, which serialized concurrent submits (docs/benchmarks.md).
        await adjustCount(tx, key, 1);
        return result;
      });
      // A notification held for the batching window is found by the worker's own polling.
      if (env().NOTIFICATION_BATCH_SECONDS === 0) kickMailWorker();
      if (hooks > 0) kickWebhookWorker();
      return { ...response, replayed: false };
    } catch (error) {
      const retry = hasErrorCode(error, "ER_DUP_ENTRY") || hasErrorCode(error, "ER_LOCK_DEADLOCK");
      if (!idem || !retry) throw error;
      if (attempt >= ATTEMPTS)
        throw errors.conflict("A request with this Idempotency-Key is still in progress");
    }
  }
}

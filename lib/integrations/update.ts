// Updating a submission (owner or admin): new data and/or status, guarded by an optional
// If-Match version, with its audit events and the owner's status email queued in the same
// transaction.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { transaction } from "@/db/transaction";
import { integrationSubmissions as t } from "@/db/schema";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { openData, sealData } from "@/lib/crypto/data-cipher";
import { errors } from "@/lib/http/errors";
import { visibleTo } from "./access";
import { etagMatches } from "./etag";
import { recordEvents, type NewEvent } from "./events";
import { moveCount } from "./counts";
import { catalogDataIssues } from "./catalog";
import { queueIntegrationRequest, queueStatusChanged } from "@/lib/mail/notifications";
import { kickMailWorker } from "@/lib/mail/worker";
import type { JsonObject } from "./json-limits";
import { keepMaskedSecrets } from "./mask-secrets";
import { namingOther } from "./owner";
import type { UpdateBody } from "./schemas";
import { queueWebhooks } from "@/lib/webhooks/emit";
import { kickWebhookWorker } from "@/lib/webhooks/worker";

function changedKeys(before: JsonObject, after: JsonObject): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

const stale = () =>
  errors.conflict("The integration was changed since you read it; reload and try again", "stale_version");

/** Returns the submission's version after the update (its ETag's value). */
export async function updateIntegration(
  caller: AuthUser,
  id: number,
  body: UpdateBody,
  options: { ifMatch: string | null },
): Promise<number> {
  let hooks = 0;
  const version = await transaction(async (tx) => {
    hooks = 0;
    const [row] = await tx.select().from(t).where(visibleTo(caller, id)).for("update").limit(1);
    if (!row) throw errors.notFound();
    const other = namingOther({ id: row.userId, email: row.userEmail }, body);
    if (other)
      throw errors.validation([{ field: other, message: "is the submission's owner and cannot be changed" }]);
    if (options.ifMatch !== null && !etagMatches(options.ifMatch, row.version, row.updatedAt)) throw stale();

    const stored = openData(row.data);
    const data = body.data === undefined ? stored : keepMaskedSecrets(body.data, stored);
    const issues = body.data === undefined ? [] : catalogDataIssues(row.integrationType, data);
    if (issues.length > 0) throw errors.validation(issues);
    const fields = changedKeys(stored, data);
    const statusChanged = body.status !== undefined && body.status !== row.status;
    // A note explains a change; with the status unchanged it would be dropped unseen.
    if (body.note !== undefined && !statusChanged) {
      throw errors.validation([
        { field: "note", message: `goes with a status change, and the status is already ${row.status}` },
      ]);
    }
    if (fields.length === 0 && !statusChanged) return row.version;

    // The version guard makes the write itself atomic even without the row lock above.
    const [result] = await tx
      .update(t)
      .set({
        ...(fields.length > 0 ? { data: sealData(data) } : {}),
        ...(statusChanged ? { status: body.status } : {}),
        version: sql`${t.version} + 1`,
        updatedAt: sql`CURRENT_TIMESTAMP(3)`,
      })
      .where(and(eq(t.id, row.id), eq(t.version, row.version)));
    if (result.affectedRows !== 1) throw stale();

    const events: NewEvent[] =
      fields.length > 0 ? [{ actor: caller, type: "updated", details: { fields } }] : [];
    if (statusChanged && body.status) {
      const note = body.note === undefined ? {} : { note: body.note };
      events.push({
        actor: caller,
        type: "status_changed",
        details: { from: row.status, to: body.status, ...note },
      });
      events.push(...(await queueStatusChanged(tx, row, row.status, body.status, body.note)));
      // The owner sending a failed request back after a correction: the admins hear of it as
      // of a new request, or it would wait until someone happened to look.
      if (!isAdmin(caller) && row.status === "failed" && body.status === "pending") {
        events.push(
          ...(await queueIntegrationRequest(tx, { ...row, status: body.status }, caller.name, true)),
        );
      }
    }
    await recordEvents(tx, row.id, events);
    hooks = await queueWebhooks(tx, { id: row.id, userId: row.userId }, [
      ...(fields.length > 0 ? [{ type: "submission.updated" as const, changes: { fields } }] : []),
      ...(statusChanged
        ? [
            {
              type: "submission.status_changed" as const,
              changes: { status: { from: row.status, to: body.status } },
            },
          ]
        : []),
    ]);
    // Last, as in a submit: the shared count rows stay locked only from here to COMMIT.
    if (statusChanged && body.status) await moveCount(tx, row, row.status, body.status);
    return row.version + 1;
  });
  kickMailWorker();
  if (hooks > 0) kickWebhookWorker();
  return version;
}

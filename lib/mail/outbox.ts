// The outbox: every email is a row first, then a delivery attempt. Workers in any number of
// processes claim due rows with SELECT … FOR UPDATE SKIP LOCKED, so no row is sent twice, and a
// row whose worker died mid-send is claimed again once its lock runs out.
import "server-only";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { transaction, type Tx } from "@/db/transaction";
import { emailOutbox, type OutboxEmail } from "@/db/schema/email-outbox";
import type { TemplateName } from "./template-names";
import { fitSubject, templates } from "./templates";

export const MAX_ATTEMPTS = 8;
export const LOCK_SECONDS = 60;
const BASE_BACKOFF_SECONDS = 10;
const MAX_BACKOFF_SECONDS = 3600;

export type Executor = Pick<ReturnType<typeof db>, "insert">;

export interface NewEmail {
  template: TemplateName;
  recipient: string;
  props: Record<string, unknown>;
  /** Defaults to the template's own subject. */
  subject?: string;
  submissionId?: number | null;
  /** Not due before this many seconds from now (admin notifications gather into one email). */
  delaySeconds?: number;
}

/** Queues one email; pass a transaction to queue it together with the change it reports. */
export async function enqueue(mail: NewEmail, executor: Executor = db()): Promise<number> {
  return enqueueAll([mail], executor);
}

/** Queues several emails in one statement; the id of the first. */
export async function enqueueAll(mails: NewEmail[], executor: Executor = db()): Promise<number> {
  const [result] = await executor.insert(emailOutbox).values(
    mails.map((mail) => ({
      template: mail.template,
      recipient: mail.recipient,
      subject: fitSubject(mail.subject ?? templates[mail.template].build(mail.props).subject),
      props: mail.props,
      submissionId: mail.submissionId ?? null,
      ...(mail.delaySeconds
        ? { nextAttemptAt: sql`CURRENT_TIMESTAMP(3) + INTERVAL ${mail.delaySeconds} SECOND` }
        : {}),
    })),
  );
  return result.insertId;
}

const due = () =>
  or(
    and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, sql`CURRENT_TIMESTAMP(3)`)),
    and(eq(emailOutbox.status, "sending"), lte(emailOutbox.lockedUntil, sql`CURRENT_TIMESTAMP(3)`)),
  );

/** Claims up to `limit` due rows (or the one row `id`, if due) for this worker. */
export async function claim(options: { limit?: number; id?: number } = {}): Promise<OutboxEmail[]> {
  // READ COMMITTED: no gap locks on the due index, so claiming does not deadlock with the
  // inserts of new mail.
  return transaction(
    async (tx) => {
      const rows = await tx
        .select()
        .from(emailOutbox)
        .where(options.id === undefined ? due() : and(eq(emailOutbox.id, options.id), due()))
        .orderBy(emailOutbox.nextAttemptAt)
        .limit(options.limit ?? 10)
        .for("update", { skipLocked: true });
      return takeRows(tx, rows);
    },
    { isolationLevel: "read committed" },
  ).catch((error: unknown) => {
    if (error instanceof LostRace) return [];
    throw error;
  });
}

/** Another worker took some of the selected rows first; which ones this one cannot tell. */
class LostRace extends Error {}

/**
 * Marks selected rows as this worker's in one statement, each only if it is still due. SKIP
 * LOCKED already keeps two workers apart here; the re-check keeps them apart on engines where it
 * takes no lock (TiDB, Galera across nodes), since an UPDATE sees the latest committed row. If
 * only some were still due, the claim is rolled back whole and the rest wait for the next pass.
 */
export async function takeRows(tx: Tx, rows: OutboxEmail[]): Promise<OutboxEmail[]> {
  if (rows.length === 0) return [];
  const [result] = await tx
    .update(emailOutbox)
    .set({
      status: "sending",
      attempts: sql`${emailOutbox.attempts} + 1`,
      lockedUntil: sql`CURRENT_TIMESTAMP(3) + INTERVAL ${LOCK_SECONDS} SECOND`,
    })
    .where(
      and(
        inArray(
          emailOutbox.id,
          rows.map((row) => row.id),
        ),
        due(),
      ),
    );
  if (result.affectedRows === 0) return [];
  if (result.affectedRows !== rows.length) throw new LostRace();
  return rows.map((row) => ({ ...row, status: "sending" as const, attempts: row.attempts + 1 }));
}

/** Whether any row is due: the worker's idle poll, without opening a claim transaction. */
export async function anyDue(): Promise<boolean> {
  const [row] = await db().select({ id: emailOutbox.id }).from(emailOutbox).where(due()).limit(1);
  return row !== undefined;
}

/** The rows of one delivered email (a digest is several). */
export async function markDelivered(ids: number[], outcome: { messageId: string; mailbox: boolean }) {
  await db()
    .update(emailOutbox)
    .set({
      status: outcome.mailbox ? "mailbox" : "sent",
      messageId: outcome.messageId.slice(0, 255),
      sentAt: new Date(),
      lockedUntil: null,
      lastError: null,
    })
    .where(inArray(emailOutbox.id, ids));
}

/** A failed attempt: back off exponentially (capped), or give up after MAX_ATTEMPTS. */
export async function markFailed(
  row: Pick<OutboxEmail, "id" | "attempts">,
  error: string,
): Promise<"pending" | "failed"> {
  const status = row.attempts >= MAX_ATTEMPTS ? "failed" : "pending";
  const delay = Math.min(MAX_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * 2 ** (row.attempts - 1));
  await db()
    .update(emailOutbox)
    .set({
      status,
      lastError: error.slice(0, 500),
      lockedUntil: null,
      nextAttemptAt: sql`CURRENT_TIMESTAMP(3) + INTERVAL ${delay} SECOND`,
    })
    .where(eq(emailOutbox.id, row.id));
  return status;
}

/** An admin's "retry": a failed (or waiting) email goes back to the front of the queue. */
export async function requeue(id: number): Promise<boolean> {
  const [result] = await db()
    .update(emailOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`CURRENT_TIMESTAMP(3)`, lastError: null })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ["failed", "pending"])));
  return result.affectedRows > 0;
}

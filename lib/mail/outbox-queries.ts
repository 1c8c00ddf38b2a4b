// Reading the outbox for admins: the dev mailbox page and a submission's "emails sent about it".
import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { emailOutbox, type OutboxStatus } from "@/db/schema";

const LIST_COLUMNS = {
  id: emailOutbox.id,
  template: emailOutbox.template,
  recipient: emailOutbox.recipient,
  subject: emailOutbox.subject,
  submissionId: emailOutbox.submissionId,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  lastError: emailOutbox.lastError,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
};

export type OutboxListItem = Awaited<ReturnType<typeof listOutbox>>["items"][number];

/** Newest first, 50 a page, continuing below the id `before`. */
export async function listOutbox(
  filter: { status?: OutboxStatus; before?: number; submissionId?: number } = {},
) {
  const limit = 50;
  const where: (SQL | undefined)[] = [
    filter.status ? eq(emailOutbox.status, filter.status) : undefined,
    filter.before ? lt(emailOutbox.id, filter.before) : undefined,
    filter.submissionId ? eq(emailOutbox.submissionId, filter.submissionId) : undefined,
  ];
  const rows = await db()
    .select(LIST_COLUMNS)
    .from(emailOutbox)
    .where(and(...where))
    .orderBy(desc(emailOutbox.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1]!.id : null };
}

export async function findOutboxEmail(id: number) {
  const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row;
}

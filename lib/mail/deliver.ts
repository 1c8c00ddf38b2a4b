// One delivery attempt of claimed outbox rows: render, hand to SMTP (or the dev mailbox), and
// record the outcome on each row and in its submission's audit history. Admin notifications of
// new requests that are due together for one admin go out as one digest email.
import "server-only";
import type { OutboxEmail } from "@/db/schema/email-outbox";
import { db } from "@/db";
import { keepTrying } from "@/db/keep-trying";
import { log } from "@/lib/log";
import { recordEventsOf } from "@/lib/integrations/events";
import { claim, LOCK_SECONDS, markDelivered, markFailed } from "./outbox";
import { templateNames, type TemplateName } from "./template-names";
import { renderRequestDigest, renderTemplate } from "./templates";
import { sendMail } from "./transport";

export type DeliveryResult = { delivered: true; messageId: string } | { delivered: false };

const isTemplate = (name: string): name is TemplateName =>
  (templateNames as readonly string[]).includes(name);

/** Delivers a claimed batch: each admin's new-request notifications as one email, the rest alone. */
export async function deliverBatch(rows: OutboxEmail[]): Promise<void> {
  const digests = new Map<string, OutboxEmail[]>();
  const alone: OutboxEmail[] = [];
  for (const row of rows) {
    if (row.template !== "integration_request") alone.push(row);
    else digests.set(row.recipient, [...(digests.get(row.recipient) ?? []), row]);
  }
  await Promise.all([
    ...alone.map(deliverClaimed),
    ...[...digests.values()].map((group) =>
      group.length === 1
        ? deliverClaimed(group[0]!)
        : deliver(group, () => renderRequestDigest(group.map((row) => row.props))),
    ),
  ]);
}

export async function deliverClaimed(row: OutboxEmail): Promise<DeliveryResult> {
  return deliver([row], async () => ({
    ...(await renderTemplate(row.template as TemplateName, row.props)),
    subject: row.subject,
  }));
}

/** One email for every row (to their one recipient); all rows share its outcome. */
async function deliver(
  rows: OutboxEmail[],
  render: () => Promise<{ subject: string; html: string; text: string }>,
): Promise<DeliveryResult> {
  const first = rows[0]!;
  try {
    const unknown = rows.find((row) => !isTemplate(row.template));
    if (unknown) throw new Error(`Unknown template ${unknown.template}`);
    // The subject is known before rendering only for a single email; a digest makes its own.
    const rendered = rows.length === 1 ? undefined : await render();
    const outcome = await sendMail(
      { id: first.id, to: first.recipient, subject: rendered?.subject ?? first.subject },
      async () => rendered ?? render(),
    );
    // Sent but not yet recorded: a moment without the database must not send it twice.
    const ids = rows.map((row) => row.id);
    await keepTrying(() => markDelivered(ids, outcome), (LOCK_SECONDS - 5) * 1000);
    await audit(rows, "email_sent");
    return { delivered: true, messageId: outcome.messageId };
  } catch (error) {
    const given = await Promise.all(
      rows.map(async (row) => {
        const status = await markFailed(row, describeMailError(error));
        log.warn(
          { outboxId: row.id, attempt: row.attempts, status, code: (error as { code?: unknown }).code },
          "email not delivered",
        );
        return status === "failed" ? [row] : [];
      }),
    );
    await audit(given.flat(), "email_failed");
    return { delivered: false };
  }
}

/** Tries to deliver one queued email now, waiting at most timeoutMs; the worker retries otherwise. */
export async function deliverNow(id: number, timeoutMs: number): Promise<DeliveryResult> {
  const [row] = await claim({ id });
  if (!row) return { delivered: false };
  const attempt = deliverClaimed(row);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DeliveryResult>(
    (resolve) => (timer = setTimeout(() => resolve({ delivered: false }), timeoutMs)),
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The outcome in each submission's history, in one statement; the delivery stands if this fails. */
async function audit(rows: OutboxEmail[], type: "email_sent" | "email_failed") {
  const events = rows.flatMap((row) =>
    row.submissionId
      ? [
          {
            submissionId: row.submissionId,
            actor: null,
            type,
            details: { template: row.template, recipient: row.recipient },
          },
        ]
      : [],
  );
  await recordEventsOf(db(), events).catch(() => {});
}

// SMTP replies and codes say what went wrong; they carry no credentials.
function describeMailError(error: unknown): string {
  if (!(error instanceof Error)) return "Unknown error";
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return [code, responseCode, error.message].filter(Boolean).join(" ");
}

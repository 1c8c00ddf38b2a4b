// One delivery attempt of a claimed outbox row: render, hand to SMTP (or the dev mailbox), and
// record the outcome on the row and in the submission's audit history.
import "server-only";
import type { OutboxEmail } from "@/db/schema/email-outbox";
import { db } from "@/db";
import { log } from "@/lib/log";
import { recordEvent } from "@/lib/integrations/events";
import { claim, LOCK_SECONDS, markDelivered, markFailed } from "./outbox";
import { templateNames, type TemplateName } from "./template-names";
import { renderTemplate } from "./templates";
import { sendMail } from "./transport";

export type DeliveryResult = { delivered: true; messageId: string } | { delivered: false };

const isTemplate = (name: string): name is TemplateName =>
  (templateNames as readonly string[]).includes(name);

export async function deliverClaimed(row: OutboxEmail): Promise<DeliveryResult> {
  try {
    const template = row.template;
    if (!isTemplate(template)) throw new Error(`Unknown template ${template}`);
    const outcome = await sendMail({ id: row.id, to: row.recipient, subject: row.subject }, () =>
      renderTemplate(template, row.props),
    );
    await recordDelivery(row.id, outcome);
    await audit(row, "email_sent");
    return { delivered: true, messageId: outcome.messageId };
  } catch (error) {
    const status = await markFailed(row, describeMailError(error));
    log.warn(
      { outboxId: row.id, attempt: row.attempts, status, code: (error as { code?: unknown }).code },
      "email not delivered",
    );
    if (status === "failed") await audit(row, "email_failed");
    return { delivered: false };
  }
}

// Sent but not yet recorded: if the database is away right now, keep trying for as long as the
// claim's lock holds, or another worker would take the row back and send it a second time.
async function recordDelivery(id: number, outcome: { messageId: string; mailbox: boolean }) {
  const deadline = Date.now() + (LOCK_SECONDS - 5) * 1000;
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await markDelivered(id, outcome);
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
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

async function audit(row: OutboxEmail, type: "email_sent" | "email_failed") {
  if (!row.submissionId) return;
  await recordEvent(db(), row.submissionId, null, type, {
    template: row.template,
    recipient: row.recipient,
  }).catch(() => {});
}

// SMTP replies and codes say what went wrong; they carry no credentials.
function describeMailError(error: unknown): string {
  if (!(error instanceof Error)) return "Unknown error";
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return [code, responseCode, error.message].filter(Boolean).join(" ");
}

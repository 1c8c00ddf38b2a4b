// POST /api/integrations/send-email: not an open relay (non-admins reach only the configured
// recipients), rate limited per user, and never lost: the email is written to the outbox first,
// then delivered at once if the mail server answers quickly, else by the worker with retries.
import "server-only";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import { deliverNow, type DeliveryResult } from "@/lib/mail/deliver";
import { enqueue } from "@/lib/mail/outbox";
import { kickMailWorker } from "@/lib/mail/worker";
import { hit } from "@/lib/rate-limit";
import type { SendEmailBody } from "./schemas";
import { defanged, templatePropsFrom } from "./send-email-props";

export const SEND_EMAIL_LIMIT = { max: 10, windowSeconds: 60 };
const DELIVER_WITHIN_MS = 3_000;

export async function sendIntegrationEmail(caller: AuthUser, body: SendEmailBody): Promise<DeliveryResult> {
  const recipient = body.recipientEmail.trim().toLowerCase();
  const allowed = env().NOTIFICATION_RECIPIENTS.map((email) => email.toLowerCase());
  if (!isAdmin(caller) && !allowed.includes(recipient)) {
    throw errors.forbidden("You may only send to the configured notification recipients");
  }
  const limit = await hit(`send-email:${caller.id}`, SEND_EMAIL_LIMIT);
  if (limit.limited) throw errors.rateLimited(limit.retryAfter);

  const id = await enqueue({
    template: body.template,
    recipient,
    subject: isAdmin(caller) ? body.subject : defanged(body.subject),
    props: await templatePropsFrom(body.template, body.integrationData, caller),
  });
  const result = await deliverNow(id, DELIVER_WITHIN_MS);
  if (!result.delivered) kickMailWorker();
  return result;
}

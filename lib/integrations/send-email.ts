// POST /api/integrations/send-email: not an open relay (non-admins reach only the configured
// recipients), rate limited per user, secrets masked in the body.
import "server-only";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import { deliver, type Delivery } from "@/lib/mail/transport";
import { renderIntegrationEmail } from "@/lib/mail/render-integration-email";
import { hit } from "@/lib/rate-limit";
import { maskSecrets } from "./mask-secrets";
import type { SendEmailBody } from "./schemas";

export const SEND_EMAIL_LIMIT = { max: 10, windowSeconds: 60 };

export async function sendIntegrationEmail(caller: AuthUser, body: SendEmailBody): Promise<Delivery> {
  const limit = await hit(`send-email:${caller.id}`, SEND_EMAIL_LIMIT);
  if (limit.limited) throw errors.rateLimited(limit.retryAfter);

  const recipient = body.recipientEmail.trim().toLowerCase();
  const allowed = env().NOTIFICATION_RECIPIENTS.map((email) => email.toLowerCase());
  if (!isAdmin(caller) && !allowed.includes(recipient)) {
    throw errors.forbidden("You may only send to the configured notification recipients");
  }
  const rendered = renderIntegrationEmail(body.template, maskSecrets(body.integrationData));
  return deliver({ to: recipient, subject: body.subject, ...rendered });
}

// The emails the app sends: each template's props schema, subject and content (emails/). The
// outbox stores (template, props) and renders at delivery, so a template fix also reaches mail
// still waiting in the queue.
import { createElement } from "react";
import { z } from "zod";
import { emailText, type EmailContent } from "@/emails/components/email-content";
import { ContentEmail } from "@/emails/components/email-frame";
import { integrationRequestContent } from "@/emails/integration-request";
import { integrationRequestDigestContent } from "@/emails/integration-request-digest";
import { integrationStatusChangedContent } from "@/emails/integration-status-changed";
import { connectionNeedsAttentionContent } from "@/emails/connection-needs-attention";
import { integrationMessageContent } from "@/emails/integration-message";
import { webhookDisabledContent } from "@/emails/webhook-disabled";
import { statuses } from "@/db/schema";
import { SUBJECT_MAX_LENGTH } from "@/db/schema/email-outbox";
import type { TemplateName } from "./template-names";
import { statusHeadline } from "@/lib/integrations/status";

const text = (max: number) => z.string().trim().min(1).max(max);
const status = z.enum(statuses).or(text(32));

function defineTemplate<S extends z.ZodObject>(
  props: S,
  subject: (p: z.output<S>) => string,
  content: (p: z.output<S>) => EmailContent,
) {
  return {
    props,
    /** Validates raw props (throws a ZodError) and builds subject and content. */
    build(raw: unknown) {
      const parsed = props.parse(raw);
      return { subject: subject(parsed), content: content(parsed) };
    },
  };
}

const integrationRequestProps = z.object({
  integrationName: text(255),
  integrationType: text(64),
  userEmail: text(255),
  userName: text(255).nullish(),
  status,
  submissionId: z.number().int().positive().nullish(),
  dashboardUrl: z.url(),
  resubmitted: z.boolean().nullish(),
});

export const templates: { [T in TemplateName]: ReturnType<typeof defineTemplate> } = {
  integration_request: defineTemplate(
    integrationRequestProps,
    (p) => `${p.resubmitted ? "Corrected" : "New"} integration request: ${p.integrationName}`,
    integrationRequestContent,
  ),
  integration_status_changed: defineTemplate(
    z.object({
      integrationName: text(255),
      userName: text(255).nullish(),
      from: status,
      to: status,
      submissionId: z.number().int().positive().nullish(),
      myIntegrationsUrl: z.url(),
      note: text(1000).nullish(),
    }),
    (p) => statusHeadline(p.integrationName, p.to),
    integrationStatusChangedContent,
  ),
  connection_needs_attention: defineTemplate(
    z.object({
      integrationName: text(255),
      status: text(32),
      message: text(255),
      submissionId: z.number().int().positive().nullish(),
      audience: z.enum(["owner", "admin"]),
      url: z.url(),
    }),
    (p) => `${p.integrationName}: the connection needs attention`,
    connectionNeedsAttentionContent,
  ),
  integration_message: defineTemplate(
    z.object({
      integrationName: text(255),
      submissionId: z.number().int().positive().nullish(),
      message: text(1000),
      myIntegrationsUrl: z.url(),
    }),
    (p) => `A message about your ${p.integrationName} request`,
    integrationMessageContent,
  ),
  webhook_disabled: defineTemplate(
    z.object({ url: z.url(), failures: z.number().int().min(1), lastError: text(255), manageUrl: z.url() }),
    () => "A webhook endpoint was turned off",
    webhookDisabledContent,
  ),
};

// A name may be 255 characters, so "New integration request: <name>" can outgrow the stored
// subject, as can a user's own subject once its links are broken (send-email); the outbox cuts
// it at a character (never inside a surrogate pair) and ends it in an ellipsis.
export function fitSubject(subject: string): string {
  const characters = Array.from(subject);
  return characters.length <= SUBJECT_MAX_LENGTH
    ? subject
    : `${characters.slice(0, SUBJECT_MAX_LENGTH - 1).join("")}…`;
}

// As React Email's render() writes it. Its render streams through Suspense and converts the HTML
// back to text (2.2 ms an email here); a static render of the same tree is ~15 × cheaper.
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

// Loaded on first use, as React Email does: route handlers may not import it statically.
let reactDomServer: Promise<typeof import("react-dom/server")> | undefined;

/** Subject, HTML and the plain-text alternative. React escapes every prop: user input stays text. */
export async function renderTemplate(name: TemplateName, props: unknown) {
  const { subject, content } = templates[name].build(props);
  return { subject, ...(await renderContent(content)) };
}

/** Several integration requests to one admin as one email (their props as each was queued). */
export async function renderRequestDigest(propsList: unknown[]) {
  const requests = propsList.map((props) => integrationRequestProps.parse(props));
  // Every request links into the same dashboard: the list of what waits for review.
  const dashboardUrl = new URL("/admin?status=pending", requests[0]!.dashboardUrl).toString();
  const content = integrationRequestDigestContent({ requests, dashboardUrl });
  return { subject: fitSubject(content.heading), ...(await renderContent(content)) };
}

async function renderContent(content: EmailContent) {
  const { renderToStaticMarkup } = await (reactDomServer ??= import("react-dom/server"));
  return {
    html: DOCTYPE + renderToStaticMarkup(createElement(ContentEmail, content)),
    text: emailText(content),
  };
}

// The emails the app sends: each template's props schema, subject and React Email component.
// The outbox stores (template, props) and renders at delivery, so a template fix also reaches
// mail still waiting in the queue.
import { createElement, type ComponentType } from "react";
import { render, toPlainText } from "@react-email/render";
import { z } from "zod";
import IntegrationRequestEmail from "@/emails/integration-request";
import IntegrationStatusChangedEmail from "@/emails/integration-status-changed";
import { statuses } from "@/db/schema";
import { SUBJECT_MAX_LENGTH } from "@/db/schema/email-outbox";
import type { TemplateName } from "./template-names";

const text = (max: number) => z.string().trim().min(1).max(max);
const status = z.enum(statuses).or(text(32));

function defineTemplate<S extends z.ZodObject>(
  props: S,
  subject: (p: z.output<S>) => string,
  component: ComponentType<z.output<S>>,
) {
  return {
    props,
    /** Validates raw props (throws a ZodError) and builds subject and element. */
    build(raw: unknown) {
      const parsed = props.parse(raw);
      return { subject: shortened(subject(parsed)), element: createElement(component, parsed) };
    },
  };
}

export const templates: { [T in TemplateName]: ReturnType<typeof defineTemplate> } = {
  integration_request: defineTemplate(
    z.object({
      integrationName: text(255),
      integrationType: text(64),
      userEmail: text(255),
      userName: text(255).nullish(),
      status,
      submissionId: z.number().int().positive().nullish(),
      dashboardUrl: z.url(),
      resubmitted: z.boolean().nullish(),
    }),
    (p) => `${p.resubmitted ? "Corrected" : "New"} integration request: ${p.integrationName}`,
    IntegrationRequestEmail,
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
    (p) => `Your ${p.integrationName} integration is now ${p.to.replace(/_/g, " ")}`,
    IntegrationStatusChangedEmail,
  ),
};

// A name may be 255 characters, so "New integration request: <name>" can outgrow the stored
// subject; it is cut at a character (never inside a surrogate pair) and ends in an ellipsis.
function shortened(subject: string): string {
  const characters = Array.from(subject);
  return characters.length <= SUBJECT_MAX_LENGTH ? subject : `${characters.slice(0, SUBJECT_MAX_LENGTH - 1).join("")}…`;
}

/** Subject, HTML and the plain-text alternative. React escapes every prop: user input stays text. */
export async function renderTemplate(name: TemplateName, props: unknown) {
  const { subject, element } = templates[name].build(props);
  // One React render: the text is derived from the HTML, as render({ plainText }) does internally.
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}

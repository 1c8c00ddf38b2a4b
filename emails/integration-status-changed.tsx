// Relative: the React Email preview (npm run email:dev) does not know the "@/" alias.
import { statusHeadline, statusLabel as label } from "../lib/integrations/status";
import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";

export interface IntegrationStatusChangedProps {
  integrationName: string;
  userName?: string | null;
  from: string;
  to: string;
  submissionId?: number | null;
  myIntegrationsUrl: string;
  /** The team's message with the change. */
  note?: string | null;
}

const MEANING: Record<string, string> = {
  pending: "It is waiting for our team to pick it up.",
  in_progress: "Our team is setting it up now.",
  completed: "It is live: data will start flowing shortly.",
  failed:
    "We could not complete it. Open your request, correct the details and save: it comes back to us for another try.",
};

// send-email may name a status of its own, shown as given.

/** To the owner, when an admin moves their request along. */
export function integrationStatusChangedContent(props: IntegrationStatusChangedProps): EmailContent {
  const meaning = MEANING[props.to];
  return {
    preview: `${props.integrationName}: ${label(props.from)} → ${label(props.to)}`,
    heading: statusHeadline(props.integrationName, props.to),
    paragraphs: [
      {
        text: [
          `${props.userName ? `Hi ${props.userName}, the` : "The"} status of your ${props.integrationName} request${props.submissionId ? ` #${props.submissionId}` : ""} changed from `,
          { strong: label(props.from) },
          " to ",
          { strong: label(props.to) },
          ".",
        ],
      },
      ...(props.note
        ? [{ text: [{ strong: "Message from our team:" }, ` ${props.note}`], quote: true }]
        : []),
      ...(meaning ? [{ text: [meaning] }] : []),
    ],
    action: { label: "Open your request", href: props.myIntegrationsUrl },
  };
}

export default function IntegrationStatusChangedEmail(props: IntegrationStatusChangedProps) {
  return <ContentEmail {...integrationStatusChangedContent(props)} />;
}

IntegrationStatusChangedEmail.PreviewProps = {
  integrationName: "Greenhouse",
  userName: "Dana",
  from: "in_progress",
  to: "completed",
  submissionId: 1042,
  myIntegrationsUrl: "http://localhost:3000/integrations/mine",
} satisfies IntegrationStatusChangedProps;

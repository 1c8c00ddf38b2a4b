// Relative: the React Email preview (npm run email:dev) does not know the "@/" alias.
import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";

export interface WebhookDisabledProps {
  url: string;
  failures: number;
  /** What the last attempt found (a status or a connection error), never a response body. */
  lastError: string;
  manageUrl: string;
}

/** To an endpoint's owner: it failed too often in a row and was turned off. */
export function webhookDisabledContent(props: WebhookDisabledProps): EmailContent {
  return {
    preview: "A webhook endpoint was turned off after repeated failures",
    heading: "A webhook endpoint was turned off",
    paragraphs: [
      {
        text: [
          "Deliveries to ",
          { strong: props.url },
          ` failed ${props.failures} times in a row, each after a day of retries, so it was turned off.`,
        ],
      },
      { text: [{ strong: "The last attempt:" }, ` ${props.lastError}`], quote: true },
      {
        text: [
          "The events that were waiting are kept; new ones are not queued while it is off. Once the receiver works again, turn the endpoint back on (PATCH /api/webhooks/{id} with enabled: true) and retry what failed.",
        ],
      },
    ],
    action: { label: "How to manage webhooks", href: props.manageUrl },
  };
}

export default function WebhookDisabledEmail(props: WebhookDisabledProps) {
  return <ContentEmail {...webhookDisabledContent(props)} />;
}

WebhookDisabledEmail.PreviewProps = {
  url: "https://hooks.example.com/integrations",
  failures: 20,
  lastError: "Answered 503",
  manageUrl: "http://localhost:3000/docs/api",
} satisfies WebhookDisabledProps;

// Relative: the React Email preview (npm run email:dev) does not know the "@/" alias.
import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";

export interface IntegrationMessageProps {
  integrationName: string;
  submissionId?: number | null;
  /** The team's words, as typed. */
  message: string;
  myIntegrationsUrl: string;
}

/** To the owner: a message from the team about their request, with no change of status. */
export function integrationMessageContent(props: IntegrationMessageProps): EmailContent {
  return {
    preview: `A message about your ${props.integrationName} request`,
    heading: `A message about your ${props.integrationName} request`,
    paragraphs: [
      {
        text: [
          `Our team wrote about your ${props.integrationName} request${props.submissionId ? ` #${props.submissionId}` : ""}:`,
        ],
      },
      { text: [props.message], quote: true },
      { text: ["Its status has not changed. Reply through your request page if something is needed."] },
    ],
    action: { label: "Open your request", href: props.myIntegrationsUrl },
  };
}

export default function IntegrationMessageEmail(props: IntegrationMessageProps) {
  return <ContentEmail {...integrationMessageContent(props)} />;
}

IntegrationMessageEmail.PreviewProps = {
  integrationName: "Workday Recruiting",
  submissionId: 1042,
  message: "We need the ISU to have the Recruiting domain too: could you add it and save again?",
  myIntegrationsUrl: "http://localhost:3000/integrations/mine/1042",
} satisfies IntegrationMessageProps;

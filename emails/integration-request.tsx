import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";
import { statusLabel } from "../lib/integrations/status";

export interface IntegrationRequestProps {
  integrationName: string;
  integrationType: string;
  userEmail: string;
  userName?: string | null;
  status: string;
  submissionId?: number | null;
  dashboardUrl: string;
  /** The owner corrected a failed request and sent it back for another try. */
  resubmitted?: boolean | null;
}

/** To the admins, on every submit (and resubmission): who asked for what. Never credential values. */
export function integrationRequestContent(props: IntegrationRequestProps): EmailContent {
  const who = props.userName ? `${props.userName} (${props.userEmail})` : props.userEmail;
  return {
    preview: `${who} ${props.resubmitted ? "corrected" : "requested"} ${props.integrationName}`,
    heading: `${props.resubmitted ? "Corrected" : "New"} integration request: ${props.integrationName}`,
    paragraphs: [
      {
        text: [
          props.resubmitted
            ? `${who} corrected the details of a request that had failed and sent it back for another try. Review it and move it along.`
            : `${who} submitted credentials for a new integration. Review it and move it along.`,
        ],
      },
    ],
    facts: [
      ["Requested by", who],
      ["Integration", props.integrationName],
      ["Type", props.integrationType],
      ["Status", statusLabel(props.status)],
      ...(props.submissionId ? ([["Request", `#${props.submissionId}`]] as [string, string][]) : []),
    ],
    action: { label: "Open in the admin dashboard", href: props.dashboardUrl },
  };
}

export default function IntegrationRequestEmail(props: IntegrationRequestProps) {
  return <ContentEmail {...integrationRequestContent(props)} />;
}

IntegrationRequestEmail.PreviewProps = {
  integrationName: "JobAdder",
  integrationType: "jobadder",
  userEmail: "dana@acme-recruiting.com",
  userName: "Dana Demo",
  status: "pending",
  submissionId: 1042,
  dashboardUrl: "http://localhost:3000/admin/1042",
} satisfies IntegrationRequestProps;

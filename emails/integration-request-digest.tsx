import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";
import IntegrationRequestEmail, { type IntegrationRequestProps } from "./integration-request";

export interface IntegrationRequestDigestProps {
  /** The requests, oldest first, as each would have been mailed on its own. */
  requests: IntegrationRequestProps[];
  dashboardUrl: string;
}

/**
 * To one admin, when several requests came in within the batching window
 * (NOTIFICATION_BATCH_SECONDS): one email listing them instead of one each.
 */
export function integrationRequestDigestContent({
  requests,
  dashboardUrl,
}: IntegrationRequestDigestProps): EmailContent {
  const who = (r: IntegrationRequestProps) => (r.userName ? `${r.userName} (${r.userEmail})` : r.userEmail);
  const corrected = requests.filter((r) => r.resubmitted).length;
  return {
    preview: requests.map((r) => r.integrationName).join(", "),
    heading: `${requests.length} integration requests to review`,
    paragraphs: [
      {
        text: [
          `${requests.length} requests came in together${corrected ? `, ${corrected} of them corrected after they had failed` : ""}. Review them and move them along.`,
        ],
      },
    ],
    facts: requests.map((r): [string, string] => [
      r.submissionId ? `#${r.submissionId}` : "Request",
      `${r.integrationName} (${r.integrationType})${r.resubmitted ? ", corrected" : ""}, by ${who(r)}`,
    ]),
    action: { label: "Open the admin dashboard", href: dashboardUrl },
  };
}

export default function IntegrationRequestDigestEmail(props: IntegrationRequestDigestProps) {
  return <ContentEmail {...integrationRequestDigestContent(props)} />;
}

const first = IntegrationRequestEmail.PreviewProps;

IntegrationRequestDigestEmail.PreviewProps = {
  requests: [
    first,
    {
      ...first,
      integrationName: "Greenhouse",
      integrationType: "greenhouse",
      userEmail: "sam@acme-recruiting.com",
      userName: null,
      submissionId: 1043,
    },
    { ...first, integrationName: "Lever", integrationType: "lever", submissionId: 1044, resubmitted: true },
  ],
  dashboardUrl: "http://localhost:3000/admin?status=pending",
} satisfies IntegrationRequestDigestProps;

import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";
import type { IntegrationRequestProps } from "./integration-request";

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

IntegrationRequestDigestEmail.PreviewProps = {
  requests: [
    {
      integrationName: "JobAdder",
      integrationType: "jobadder",
      userEmail: "dana@acme-recruiting.com",
      userName: "Dana Demo",
      status: "pending",
      submissionId: 1042,
      dashboardUrl: "http://localhost:3000/admin/1042",
    },
    {
      integrationName: "Greenhouse",
      integrationType: "greenhouse",
      userEmail: "sam@acme-recruiting.com",
      status: "pending",
      submissionId: 1043,
      dashboardUrl: "http://localhost:3000/admin/1043",
    },
    {
      integrationName: "Lever",
      integrationType: "lever",
      userEmail: "dana@acme-recruiting.com",
      userName: "Dana Demo",
      status: "pending",
      submissionId: 1044,
      dashboardUrl: "http://localhost:3000/admin/1044",
      resubmitted: true,
    },
  ],
  dashboardUrl: "http://localhost:3000/admin?status=pending",
} satisfies IntegrationRequestDigestProps;

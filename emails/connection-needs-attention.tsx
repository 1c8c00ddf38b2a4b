// Relative: the React Email preview (npm run email:dev) does not know the "@/" alias.
import type { EmailContent } from "./components/email-content";
import { ContentEmail } from "./components/email-frame";

export interface ConnectionNeedsAttentionProps {
  integrationName: string;
  /** failed: the credentials no longer work; needs_reauth: the OAuth access has to be granted again. */
  status: string;
  /** The check's own sentence (never a credential or a provider's body). */
  message: string;
  submissionId?: number | null;
  /** owner: their request page; admin: the dashboard's detail view. */
  audience: "owner" | "admin";
  url: string;
}

const WHAT_TO_DO: Record<ConnectionNeedsAttentionProps["audience"], Record<string, string>> = {
  owner: {
    needs_reauth: "Open your request and click Connect again to grant access once more.",
    failed: "Open your request, update the credentials and test the connection again.",
  },
  admin: {
    needs_reauth: "Its owner has been asked to connect it again.",
    failed: "Its owner has been asked to update the credentials.",
  },
};

/** To the owner and the admins, when a connection that worked stops working. */
export function connectionNeedsAttentionContent(props: ConnectionNeedsAttentionProps): EmailContent {
  const reference = `${props.integrationName}${props.submissionId ? ` (request #${props.submissionId})` : ""}`;
  return {
    preview: `${props.integrationName}: the connection stopped working`,
    heading: `${props.integrationName}: the connection needs attention`,
    paragraphs: [
      { text: [`The connection to `, { strong: reference }, " stopped working."] },
      { text: [{ strong: "What the check found:" }, ` ${props.message}`], quote: true },
      { text: [WHAT_TO_DO[props.audience][props.status] ?? WHAT_TO_DO[props.audience].failed!] },
    ],
    action:
      props.audience === "owner"
        ? { label: props.status === "needs_reauth" ? "Reconnect" : "Update credentials", href: props.url }
        : { label: "Open in the dashboard", href: props.url },
  };
}

export default function ConnectionNeedsAttentionEmail(props: ConnectionNeedsAttentionProps) {
  return <ContentEmail {...connectionNeedsAttentionContent(props)} />;
}

ConnectionNeedsAttentionEmail.PreviewProps = {
  integrationName: "JobAdder",
  status: "needs_reauth",
  message: "JobAdder answered 400 (invalid_grant) when renewing access: connect again",
  submissionId: 1042,
  audience: "owner",
  url: "http://localhost:3000/integrations/mine/1042",
} satisfies ConnectionNeedsAttentionProps;

import { Button, Heading, Text } from "@react-email/components";
import { EmailFrame, styles } from "./components/email-frame";

export interface IntegrationStatusChangedProps {
  integrationName: string;
  userName?: string | null;
  from: string;
  to: string;
  submissionId?: number | null;
  myIntegrationsUrl: string;
}

const MEANING: Record<string, string> = {
  pending: "It is waiting for our team to pick it up.",
  in_progress: "Our team is setting it up now.",
  completed: "It is live: data will start flowing shortly.",
  failed: "We could not complete it. Check the details and update your credentials, or reply to your admin.",
};

const label = (status: string) => status.replace(/_/g, " ");

/** To the owner, when an admin moves their request along. */
export default function IntegrationStatusChangedEmail(props: IntegrationStatusChangedProps) {
  return (
    <EmailFrame preview={`${props.integrationName}: ${label(props.from)} → ${label(props.to)}`}>
      <Heading as="h1" style={styles.heading}>
        Your {props.integrationName} integration is now {label(props.to)}
      </Heading>
      <Text style={styles.text}>
        {props.userName ? `Hi ${props.userName}, the` : "The"} status of your {props.integrationName} request
        {props.submissionId ? ` #${props.submissionId}` : ""} changed from <strong>{label(props.from)}</strong> to{" "}
        <strong>{label(props.to)}</strong>.
      </Text>
      {MEANING[props.to] ? <Text style={styles.text}>{MEANING[props.to]}</Text> : null}
      <Button href={props.myIntegrationsUrl} style={styles.button}>
        See my integrations
      </Button>
    </EmailFrame>
  );
}

IntegrationStatusChangedEmail.PreviewProps = {
  integrationName: "Greenhouse",
  userName: "Dana",
  from: "in_progress",
  to: "completed",
  submissionId: 1042,
  myIntegrationsUrl: "http://localhost:3000/integrations/mine",
} satisfies IntegrationStatusChangedProps;

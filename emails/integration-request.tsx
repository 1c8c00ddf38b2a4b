import { Button, Column, Heading, Row, Section, Text } from "@react-email/components";
import { EmailFrame, styles } from "./components/email-frame";

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
export default function IntegrationRequestEmail(props: IntegrationRequestProps) {
  const who = props.userName ? `${props.userName} (${props.userEmail})` : props.userEmail;
  const rows: [string, string][] = [
    ["Requested by", who],
    ["Integration", props.integrationName],
    ["Type", props.integrationType],
    ["Status", props.status.replace(/_/g, " ")],
    ...(props.submissionId ? ([["Request", `#${props.submissionId}`]] as [string, string][]) : []),
  ];
  return (
    <EmailFrame preview={`${who} ${props.resubmitted ? "corrected" : "requested"} ${props.integrationName}`}>
      <Heading as="h1" style={styles.heading}>
        {props.resubmitted ? "Corrected" : "New"} integration request: {props.integrationName}
      </Heading>
      <Text style={styles.text}>
        {props.resubmitted
          ? `${who} corrected the details of a request that had failed and sent it back for another try.`
          : `${who} submitted credentials for a new integration.`}{" "}
        Review it and move it along.
      </Text>
      <Section style={{ margin: "8px 0 24px" }}>
        {rows.map(([label, value]) => (
          <Row key={label} style={{ padding: "6px 0" }}>
            <Column style={styles.label}>{label}</Column>
            <Column style={styles.value}>{value}</Column>
          </Row>
        ))}
      </Section>
      <Button href={props.dashboardUrl} style={styles.button}>
        Open in the admin dashboard
      </Button>
    </EmailFrame>
  );
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

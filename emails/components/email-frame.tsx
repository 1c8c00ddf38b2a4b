import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import { BRAND, FOOTER, type EmailContent, type Inline } from "./email-content";

// Every email: one column, system fonts, styles inline (mail clients drop <style>), and the
// content of email-content.ts laid out the same way each time.
export function ContentEmail({ preview, heading, paragraphs, facts, action }: EmailContent) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f8fafc",
          fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            border: "1px solid #e2e8f0",
            borderRadius: 12,
            maxWidth: 560,
            padding: "32px",
          }}
        >
          <Text
            style={{
              color: "#2f5bd3",
              fontSize: 13,
              fontWeight: 700,
              letterSpacing: 0.4,
              margin: "0 0 16px",
              textTransform: "uppercase",
            }}
          >
            {BRAND}
          </Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {paragraphs.map(({ text, quote }, i) => (
            <Text key={i} style={quote ? styles.quote : styles.text}>
              <Inlines text={text} />
            </Text>
          ))}
          {facts?.length ? (
            <Section style={{ margin: "8px 0 24px" }}>
              {facts.map(([label, value]) => (
                <Row key={label} style={{ padding: "6px 0" }}>
                  <Column style={styles.label}>{label}</Column>
                  <Column style={styles.value}>{value}</Column>
                </Row>
              ))}
            </Section>
          ) : null}
          <Button href={action.href} style={styles.button}>
            {action.label}
          </Button>
          <Hr style={{ borderColor: "#e2e8f0", margin: "32px 0 16px" }} />
          <Section>
            <Text style={{ color: "#64748b", fontSize: 12, margin: 0 }}>{FOOTER}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

function Inlines({ text }: { text: Inline[] }) {
  return text.map((part, i) => (typeof part === "string" ? part : <strong key={i}>{part.strong}</strong>));
}

const styles = {
  heading: { color: "#0f172a", fontSize: 22, fontWeight: 700, margin: "0 0 12px" },
  text: { color: "#334155", fontSize: 15, lineHeight: "24px", margin: "0 0 16px" },
  quote: {
    color: "#334155",
    fontSize: 15,
    lineHeight: "24px",
    margin: "0 0 16px",
    borderLeft: "3px solid #cbd5e1",
    paddingLeft: "12px",
    whiteSpace: "pre-line",
  },
  label: { color: "#64748b", fontSize: 13, margin: 0, width: 140 },
  value: { color: "#0f172a", fontSize: 14, fontWeight: 600, margin: 0 },
  button: {
    backgroundColor: "#2f5bd3",
    borderRadius: 6,
    color: "#ffffff",
    fontSize: 14,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
} as const;

import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";

// The frame every email shares: one column, system fonts, styles inline (mail clients drop <style>).
export function EmailFrame({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: 12, maxWidth: 560, padding: "32px" }}>
          <Text style={{ color: "#2f5bd3", fontSize: 13, fontWeight: 700, letterSpacing: 0.4, margin: "0 0 16px", textTransform: "uppercase" }}>
            Integrations Hub
          </Text>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "32px 0 16px" }} />
          <Section>
            <Text style={{ color: "#64748b", fontSize: 12, margin: 0 }}>
              You receive this because of your role in Integrations Hub. Credentials are never sent by email.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  heading: { color: "#0f172a", fontSize: 22, fontWeight: 700, margin: "0 0 12px" },
  text: { color: "#334155", fontSize: 15, lineHeight: "24px", margin: "0 0 16px" },
  label: { color: "#64748b", fontSize: 13, margin: 0, width: 140 },
  value: { color: "#0f172a", fontSize: 14, fontWeight: 600, margin: 0 },
  button: { backgroundColor: "#2f5bd3", borderRadius: 6, color: "#ffffff", fontSize: 14, fontWeight: 600, padding: "12px 20px", textDecoration: "none" },
} as const;

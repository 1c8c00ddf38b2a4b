// Plain HTML and text bodies for the integration emails. Every value comes from a client, so
// all of it is escaped, and secret-looking values are masked before they get here.
import type { EmailTemplate } from "@/lib/integrations/schemas";

const HEADINGS: Record<EmailTemplate, string> = {
  integration_request: "New integration request",
  integration_status_changed: "Integration status changed",
};

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export function renderIntegrationEmail(template: EmailTemplate, fields: Record<string, unknown>) {
  const heading = HEADINGS[template];
  const entries = Object.entries(fields).map(([key, value]) => [key, show(value)] as const);
  const rows = entries
    .map(([key, value]) => `<tr><th align="left">${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("");
  return {
    html: `<!doctype html><html><body><h1>${escapeHtml(heading)}</h1><table>${rows}</table></body></html>`,
    text: [heading, "", ...entries.map(([key, value]) => `${key}: ${value}`)].join("\n"),
  };
}

// The names of the app's email templates: light enough for request schemas to import.
export const templateNames = [
  "integration_request",
  "integration_status_changed",
  "connection_needs_attention",
  "integration_message",
  "webhook_disabled",
] as const;
export type TemplateName = (typeof templateNames)[number];

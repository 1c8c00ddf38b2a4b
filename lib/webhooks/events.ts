// The events a webhook endpoint can subscribe to (docs/api.md, "Webhooks"). Plain data: the API
// schemas, the pages and the emitters take them from here.
export const webhookEventTypes = [
  "submission.created",
  "submission.updated",
  "submission.status_changed",
  "connection.status_changed",
  "webhook.test",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

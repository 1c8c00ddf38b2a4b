import { z } from "zod";
import { webhookEventTypes } from "./events";

const events = z
  .array(z.enum(webhookEventTypes))
  .min(1, "must name at least one event")
  .transform((list) => [...new Set(list)])
  .meta({ description: `Any of ${webhookEventTypes.join(", ")}` });

export const createWebhookBody = z.object({
  url: z
    .url({ error: "must be a URL" })
    .max(2048)
    .meta({ description: "https, public; receives the events" }),
  events,
  description: z.string().trim().max(255).optional(),
  scope: z
    .enum(["own", "all"])
    .default("own")
    .meta({ description: "own: your submissions' events; all: everyone's (admins only)" }),
});

export const updateWebhookBody = z
  .object({
    url: createWebhookBody.shape.url.optional(),
    events: events.optional(),
    description: z.string().trim().max(255).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change something");

export const deliveriesQuery = z.object({
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  type: z.enum(webhookEventTypes).optional(),
});

export type CreateWebhookBody = z.infer<typeof createWebhookBody>;
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

// Answers (the OpenAPI document's; the routes build them in endpoints.ts and deliveries.ts).
export const webhookView = z.object({
  id: z.number().int(),
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  scope: z.enum(["own", "all"]),
  enabled: z.boolean(),
  description: z.string().nullable(),
  failures: z
    .number()
    .int()
    .meta({ description: "Deliveries in a row that failed after a day of retries; at 20 it is turned off" }),
  createdAt: z.string(),
  userEmail: z.string().optional().meta({ description: "Admins' lists: the owner" }),
});

export const webhookResponse = z.object({ success: z.literal(true), webhook: webhookView });
export const newWebhookResponse = webhookResponse.extend({
  secret: z.string().meta({ description: "whsec_…: shown here only" }),
});
export const webhooksResponse = z.object({ success: z.literal(true), webhooks: z.array(webhookView) });
export const rotatedSecretResponse = z.object({ success: z.literal(true), secret: z.string() });

const attemptView = z.object({
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  responseBody: z.string().nullable().meta({ description: "The first 1 KiB, as text" }),
});

export const testResponse = z.object({
  success: z.literal(true),
  delivery: attemptView.extend({ delivered: z.boolean(), deliveryId: z.number().int() }),
});

export const deliveriesResponse = z.object({
  success: z.literal(true),
  deliveries: z.array(
    z.object({
      id: z.number().int(),
      messageId: z.string().meta({ description: "The webhook-id header, the same on every retry" }),
      type: z.enum(webhookEventTypes),
      submissionId: z.number().int().nullable(),
      status: z.enum(["pending", "delivered", "failed"]),
      responseStatus: z.number().int().nullable(),
      durationMs: z.number().int().nullable(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
      history: z.array(attemptView.extend({ createdAt: z.string() })),
    }),
  ),
});

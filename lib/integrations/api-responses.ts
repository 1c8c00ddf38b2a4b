// The response shapes, as zod schemas: they document the API in the OpenAPI document and the
// tests check real responses against them.
import { z } from "zod";
import { eventTypes } from "@/db/schema";
import { checkResults, connectionStatuses } from "./connection-status";
import { statusSchema } from "./schemas";

const isoTime = z.iso.datetime().meta({ example: "2024-01-15T10:30:00.000Z" });

export const integrationSchema = z.object({
  id: z.number().int().meta({ example: 1 }),
  userId: z.number().int().meta({ description: "The owner's numeric user id", example: 7 }),
  userEmail: z.string().meta({ example: "user@example.com" }),
  integrationType: z.string().meta({ example: "jobadder" }),
  integrationName: z.string().meta({ example: "JobAdder" }),
  status: statusSchema,
  submittedAt: isoTime,
  updatedAt: isoTime,
  data: z.record(z.string(), z.unknown()).meta({ example: { apiKey: "••••3f2a", companyId: "123" } }),
  callbackUrl: z.string().nullable(),
  source: z.string().nullable(),
  savedToServer: z.boolean(),
  connection: z
    .object({
      status: z.enum(connectionStatuses),
      checkedAt: isoTime.nullable(),
      message: z
        .string()
        .nullable()
        .meta({ description: "A safe sentence; never a credential or the provider's answer" }),
    })
    .meta({
      description:
        "How the connection stands: the last check, else what the type allows (untested, not_connected, unsupported)",
    }),
});

export const connectionTestResponse = z.object({
  success: z.literal(true),
  connection: z.object({
    status: z.enum(checkResults),
    checkedAt: isoTime,
    latencyMs: z.number().int(),
    message: z.string().meta({ example: "Greenhouse answered 401: the credentials were refused" }),
  }),
});

export const listResponse = z.object({
  success: z.literal(true),
  integrations: z.array(integrationSchema),
  count: z.number().int().meta({ description: "All rows matching the filters, not just this page" }),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `cursor` for the next page; null on the last" }),
  prevCursor: z.string().nullable().meta({
    description: "Pass as `cursor` for the page before this one, in the same order; null on the first",
  }),
});

export const oneResponse = z.object({ success: z.literal(true), integration: integrationSchema });

export const submitResponse = z.object({
  success: z.literal(true),
  id: z.number().int(),
  message: z.string().meta({ example: "JobAdder integration submitted successfully" }),
});

export const messageResponse = z.object({ success: z.literal(true), message: z.string() });

export const emailSentResponse = z.object({
  success: z.literal(true),
  message: z.literal("Email sent successfully"),
  messageId: z.string(),
});

export const emailQueuedResponse = z.object({
  success: z.literal(true),
  queued: z.literal(true),
  message: z.literal("Email queued for delivery"),
});

export const messageQueuedResponse = z.object({
  success: z.literal(true),
  queued: z.literal(true),
  message: z.literal("Message queued for the owner"),
});

export const eventsResponse = z.object({
  success: z.literal(true),
  events: z.array(
    z.object({
      id: z.number().int(),
      type: z.enum(eventTypes),
      actor: z.object({ id: z.number().int().nullable(), email: z.string().nullable() }),
      details: z.object({
        fields: z.array(z.string()).optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        template: z.string().optional(),
        recipient: z.string().optional(),
        note: z.string().optional().meta({ description: "The team's message with a status change" }),
      }),
      createdAt: isoTime,
    }),
  ),
});

export const errorResponseSchema = z.object({
  success: z.literal(false),
  error: z.string(),
  code: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const healthResponse = z.object({ success: z.literal(true), db: z.literal("ok") });

export const tokenResponse = z.object({
  success: z.literal(true),
  token: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().meta({ description: "Seconds until the token expires", example: 3600 }),
});

export const signupResponse = z.object({
  success: z.literal(true),
  user: z.object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.literal("user"),
  }),
});

export const bulkStatusResponse = z.object({
  success: z.literal(true),
  matched: z.number().int(),
  updated: z.number().int(),
  message: z.string(),
});

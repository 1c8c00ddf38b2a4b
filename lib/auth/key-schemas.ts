// Requests and responses of /api/keys, as zod schemas: they validate, type, and document the
// routes in the OpenAPI document.
import { z } from "zod";
import { queryFlag } from "@/lib/http/validate";
import { keyFields, scopeSchema } from "./key-fields";

const isoTime = z.iso.datetime().meta({ example: "2024-01-15T10:30:00.000Z" });

export { scopeSchema };

export const createKeyBody = keyFields.extend({
  expiresAt: z.iso
    .datetime({ offset: true, error: "must be an ISO-8601 date and time" })
    .transform((value) => new Date(value))
    .refine((at) => at.getTime() > Date.now(), "must be in the future")
    .nullish()
    .meta({
      description: "When the key stops working; absent or null: never",
      example: "2027-01-01T00:00:00Z",
    }),
});

export const rotateKeyBody = z.object({
  graceSeconds: z.number().int("must be a whole number of seconds").min(0).max(86_400).default(0).meta({
    description: "How long the secret being replaced keeps working (0–86,400 s; default 0: it stops now)",
  }),
});

export const keysQuery = z.object({
  all: queryFlag("Admins: every user's keys, with `userEmail`"),
});

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z
    .string()
    .meta({ description: "The secret's first characters, to recognise it", example: "ih_3q2Xq9LmZ0aB…" }),
  scopes: z.array(scopeSchema),
  createdAt: isoTime,
  expiresAt: isoTime.nullable(),
  lastUsedAt: isoTime.nullable(),
  lastUsedIp: z
    .string()
    .nullable()
    .meta({ description: "The address of its last use (recorded at most once a minute)" }),
  userEmail: z.string().optional().meta({ description: "With `?all=true` only: the owner" }),
});

export const newKeyResponse = z.object({
  success: z.literal(true),
  key: apiKeySchema,
  secret: z.string().meta({ description: "Shown only in this response; store it now", example: "ih_…" }),
});

export const keysResponse = z.object({ success: z.literal(true), keys: z.array(apiKeySchema) });

// The request schemas of the integrations API: they validate every request and generate the
// OpenAPI document, so the two cannot drift apart.
import { z } from "zod";
import { statuses } from "@/db/schema";
import { SUBJECT_MAX_LENGTH } from "@/db/schema/email-outbox";
import { queryFlag } from "@/lib/http/validate";
import { templateNames } from "@/lib/mail/template-names";
import { catalogDataIssues } from "./catalog";
import { DATA_MAX_BYTES, DATA_MAX_DEPTH, nestsDeeperThan, serializedBytes } from "./json-limits";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isAllowedCallback(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
}

export const statusSchema = z
  .enum(statuses)
  .meta({ description: "Where the request stands", example: "in_progress" });

// Depth first: serializing a pathologically deep value could itself overflow the stack.
const jsonObject = z.record(z.string(), z.unknown()).superRefine((data, ctx) => {
  if (nestsDeeperThan(data, DATA_MAX_DEPTH)) {
    ctx.addIssue({ code: "custom", message: `must not nest deeper than ${DATA_MAX_DEPTH} levels` });
  } else if (serializedBytes(data) > DATA_MAX_BYTES) {
    ctx.addIssue({ code: "custom", message: `must be at most ${DATA_MAX_BYTES / 1024} KiB as JSON` });
  }
});

export const dataSchema = jsonObject.meta({
  description:
    "Free-form settings and credentials. Encrypted at rest; values under keys containing key, secret, token, password, credential or private are masked in responses.",
  example: { apiKey: "xxx", companyId: "123", jobId: "456" },
});

// Present in the schema so the OpenAPI document says so: a client may not set these.
const serverOwned = z.never({ error: "is set by the server and cannot be sent" }).optional();
const serverOwnedFields = {
  id: serverOwned,
  savedToServer: serverOwned,
  submittedAt: serverOwned,
  updatedAt: serverOwned,
};

// Who a submission belongs to, as the original backend's bodies named it.
const ownerEmail = z.string().trim().max(255).optional();
const ownerId = z.union([z.string().trim().max(255), z.number().int().positive()]).optional();

export const submitBody = z
  .object({
    integrationType: z
      .string()
      .regex(/^[a-z0-9_-]{1,64}$/, "must be 1-64 characters of a-z, 0-9, _ and -")
      .meta({ example: "jobadder" }),
    // Trimmed: a name of only spaces would show as nothing in the dashboard and in emails.
    integrationName: z.string().trim().min(1, "must not be blank").max(255).meta({ example: "JobAdder" }),
    data: dataSchema,
    status: statusSchema.default("pending"),
    callbackUrl: z
      .string()
      .max(2048)
      .refine(isAllowedCallback, "must be an absolute https URL (http only for localhost)")
      .nullable()
      .optional()
      .meta({ example: "https://app.example.com/api/integrations/jobadder/callback" }),
    source: z.string().max(64).nullable().optional().meta({ example: "integration_overview" }),
    userEmail: ownerEmail.meta({
      description:
        "Compatibility: must be the caller's email unless the caller is an admin submitting for that user",
    }),
    userId: ownerId.meta({
      description: "Compatibility: the caller's email or numeric id; an admin may name another existing user",
    }),
    ...serverOwnedFields,
  })
  .superRefine((body, ctx) => {
    // Known integrations (lib/integrations/catalog.ts) also get their fields' formats checked.
    for (const issue of catalogDataIssues(body.integrationType, body.data)) {
      ctx.addIssue({ code: "custom", path: issue.field.split("."), message: issue.message });
    }
  });
export type SubmitBody = z.infer<typeof submitBody>;

// What the team tells an owner: one paragraph or a few, plain text.
const noteField = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .regex(/^[^\u0000]*$/, "must not contain NUL characters");

export const updateBody = z
  .object({
    data: dataSchema.optional().meta({
      description: "Replaces the stored object; a value sent back exactly as masked keeps the stored secret",
    }),
    status: statusSchema.optional(),
    note: noteField.optional().meta({
      description:
        "With a status change: a message to the owner, shown in their history and email (why it failed, what to do)",
    }),
    // The owner cannot change: naming anyone else is refused (naming the owner is harmless).
    userEmail: ownerEmail.meta({ description: "Compatibility: may only name the submission's owner" }),
    userId: ownerId.meta({
      description: "Compatibility: may only name the submission's owner, by id or email",
    }),
    ...serverOwnedFields,
  })
  .refine((body) => body.data !== undefined || body.status !== undefined, "must contain data or status")
  .refine((body) => body.note === undefined || body.status !== undefined, {
    path: ["note"],
    message: "goes with a status change",
  });
export type UpdateBody = z.infer<typeof updateBody>;

export const messageBody = z.object({
  message: noteField.meta({ description: "To the owner: shown in their history and emailed to them" }),
});

export const sortKeys = ["submittedAt", "updatedAt", "status", "integrationName", "userEmail"] as const;
export type SortKey = (typeof sortKeys)[number];
const sortValues = sortKeys.flatMap((key) => [key, `-${key}`] as const);

const ownListFields = {
  status: z
    .string()
    .transform((value) => [...new Set(value.split(",").map((part) => part.trim()))])
    .pipe(z.array(statusSchema))
    .optional()
    .meta({
      description: `One of ${statuses.join(", ")}, or a comma list of them`,
      example: "pending,in_progress",
    }),
  type: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/, "must be an integration type slug")
    .optional(),
  q: z.string().max(255).optional().meta({
    description:
      "Substring of the name, type or owner email. A search whose matches are too thinly spread to list quickly is answered 400 `search_too_broad`",
  }),
  from: z.iso
    .date("must be a date, YYYY-MM-DD")
    .optional()
    .meta({ description: "Submitted on or after this day (UTC)", example: "2024-01-01" }),
  to: z.iso
    .date("must be a date, YYYY-MM-DD")
    .optional()
    .meta({ description: "Submitted on or before this day (UTC)", example: "2024-01-31" }),
  sort: z.enum(sortValues).default("-submittedAt").meta({ description: "Sort key, prefix - for descending" }),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "must be a whole number from 1 to 1000")
    // The default applies after parsing, so the document learns it from the string side.
    .meta({ description: "Page size, 1-1000", default: "100" })
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(1000, "must be at most 1000"))
    .default(100),
  cursor: z.string().max(1024).optional().meta({ description: "Opaque: the previous page's nextCursor" }),
  connection: z.enum(["attention"]).optional().meta({
    description: "attention: only connections whose last check failed or that must be connected again",
  }),
};

export const ownListQuery = z.object(ownListFields);
export const listQuery = z.object({
  ...ownListFields,
  userId: z
    .union([z.string().regex(/^\d{1,15}$/), z.email()], { error: "must be a user id or email" })
    .optional()
    .meta({ description: "Owner's numeric id or email" }),
});
export type ListQuery = z.infer<typeof listQuery>;

export const getQuery = z.object({
  reveal: queryFlag(
    "true returns unmasked data and records a `revealed` event (an API key needs `integrations:reveal` too)",
  ),
});

export const sendEmailBody = z.object({
  integrationData: jsonObject.meta({
    example: { integrationName: "JobAdder", userEmail: "user@example.com" },
  }),
  recipientEmail: z.email().max(255).meta({ example: "admin@example.com" }),
  subject: z
    .string()
    .min(1)
    .max(SUBJECT_MAX_LENGTH)
    .regex(/^[^\r\n]*$/, "must not contain line breaks")
    .meta({ example: "New Integration Request" }),
  template: z.enum(templateNames).meta({ description: "One of the app's React Email templates" }),
});
export type SendEmailBody = z.infer<typeof sendEmailBody>;

export const bulkStatusBody = z.object({
  status: statusSchema,
  // Required: a body that forgot its filter must not mean "every submission"; {} says so.
  filter: z
    .object(listQuery.omit({ limit: true, cursor: true }).shape, {
      error: (issue) =>
        issue.input === undefined ? "is required; send {} to mean every submission" : undefined,
    })
    .meta({ description: "The list filters the change applies to; {} for every submission" }),
});

// Where the provider sends the owner back (RFC 6749 §4.1.2). Providers add more
// (error_description, scope, iss…): those are not read, so not checked.
export const callbackQuery = z.looseObject({
  state: z.string().max(512).optional().describe("The state the hub sent with Connect"),
  code: z.string().max(4096).optional().describe("The authorization code"),
  error: z.string().max(100).optional().describe("The provider's refusal, e.g. access_denied"),
});
export type CallbackQuery = z.infer<typeof callbackQuery>;

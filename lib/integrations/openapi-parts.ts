// The building blocks of the OpenAPI document: its types, and zod schemas turned into bodies,
// query parameters and the shared error answers.
import { z } from "zod";
import type { ApiScope } from "@/lib/auth/scopes";
import { errorResponseSchema } from "./api-responses";

export type JsonSchema = Record<string, unknown>;
export type Content = { content: { "application/json": { schema: JsonSchema } } };

export interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description?: unknown;
  schema: JsonSchema;
}

type Security = Record<string, string[]>[];

export interface Operation {
  summary: string;
  security?: Security;
  parameters?: Parameter[];
  requestBody?: { required: boolean } & Content;
  responses: Record<string, { description: string } & Partial<Content>>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  components: Record<string, unknown>;
  security: Security;
  paths: Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", Operation>>>;
}

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
};

export const json = (schema: z.ZodType, io: "input" | "output" = "output"): Content => ({
  content: { "application/json": { schema: jsonSchema(schema, io) } },
});

const ERRORS: Record<string, string> = {
  "400": "Malformed JSON or failed validation; `details` names each bad field",
  "401": "Missing, invalid or expired credentials (token: wrong email or password)",
  "403":
    "Authenticated but not allowed (an API key without the scope the operation names: `insufficient_scope`)",
  "404": "No such integration (also another user's, for non-admins)",
  "409": "Conflict: stale If-Match version, Idempotency-Key reused with another body, or email taken",
  "413": "Body over 64 KiB",
  "415": "Content-Type is not application/json",
  "429": "Rate limited; see Retry-After",
  "503": "Database or mail server unreachable",
};

export const failures = (...statuses: string[]) => failuresSaying({}, ...statuses);

/** The same error answers, with what some of them mean for this one operation. */
export const failuresSaying = (meaning: Record<string, string>, ...statuses: string[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: meaning[s] ?? ERRORS[s] ?? s, ...json(errorResponseSchema) }]),
  );

export function queryParameters(schema: z.ZodType): Parameter[] {
  const { properties = {}, required = [] } = jsonSchema(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query" as const,
    required: required.includes(name),
    description: property.description,
    schema: property,
  }));
}

export const idParameter: Parameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1 },
};
export const header = (name: string, description: string): Parameter => ({
  name,
  in: "header",
  required: false,
  description,
  schema: { type: "string" },
});
export const body = (schema: z.ZodType) => ({ required: true, ...json(schema, "input") });
export const AUTHED = ["400", "401", "503"];

/** People (token or session) always; an API key only with `scope` (no scope: keys refused). */
export const PEOPLE: Security = [{ bearer: [] }, { session: [] }];
export const keyed = (scope: ApiScope): Security => [...PEOPLE, { apiKey: [scope] }];

// Zod at the boundary: a failed parse becomes a 400 whose details name every bad field.
import { z } from "zod";
import { errors, type ErrorDetail } from "./errors";

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  throw errors.validation(details);
}

export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

/** A `?name=true|false` query parameter, read as a boolean; absent stays undefined. */
export const queryFlag = (description: string) =>
  z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .meta({ description });

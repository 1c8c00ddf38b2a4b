// A new API key's name and scopes as the API validates them, in a module the browser can load
// too (no server imports): the key form checks with the same rules before it sends.
import { z } from "zod";
import { apiScopes } from "./scopes";

export const scopeSchema = z.enum(apiScopes);

export const keyFields = z.object({
  name: z.string().trim().min(1, "is required").max(100).meta({ example: "Nightly sync" }),
  scopes: z
    .array(scopeSchema)
    .min(1, "must name at least one scope")
    .max(apiScopes.length)
    .transform((scopes) => [...new Set(scopes)])
    .meta({ example: ["integrations:read"] }),
});

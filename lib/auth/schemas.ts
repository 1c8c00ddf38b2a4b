// Request bodies of the account endpoints; also the source of their OpenAPI schemas.
import { z } from "zod";
import { env } from "@/lib/env";
import { emailField, nameField } from "./credential-fields";
import { newPassword } from "./password-policy";
import { returnUrl } from "./return-path";

export const tokenBody = z.object({
  email: emailField,
  password: z.string().min(1, "is required").max(1024),
});

export const signupBody = z.object({
  email: emailField,
  password: newPassword,
  name: nameField.optional(),
});

export type SignupBody = z.infer<typeof signupBody>;

// next-auth writes the `error` query value and the path's provider id into a Location header
// unencoded: a control character there broke the header (a 500). Its own values are short tokens
// ("CredentialsSignin", "RateLimited:900", "credentials"), so only those pass.
const nextAuthToken = z
  .string()
  .regex(/^[\w:.-]{1,100}$/, "must be a short token of letters, digits and _ : . -");

/** /api/auth/<action>[/<provider>] */
export const nextAuthPath = z.tuple([nextAuthToken, nextAuthToken.optional()]);

export const nextAuthQuery = z.object({
  error: nextAuthToken.optional(),
  // next-auth refuses one it cannot parse as a server-configuration error (a 500); one that
  // parses but leaves the app it would replace with the root. Either is a mistake to say so.
  callbackUrl: z
    .string()
    .refine((url) => returnUrl(url, env().APP_URL) !== undefined, "must be a path or an address on this app")
    .optional(),
});

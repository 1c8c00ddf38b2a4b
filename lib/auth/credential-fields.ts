// The fields people type to sign up and sign in, as the API checks them (schemas.ts) and the
// forms check them before sending. Pure zod: the pages import it too. The one rule the forms
// cannot check, "not a common password", needs a list too large to ship (password-policy.ts).
import { z } from "zod";

const MIN_PASSWORD_LENGTH = 8;

export const emailField = z
  .email("must be a valid email address")
  .max(255)
  .meta({ example: "user@example.com" });

// What a new password must be, wherever one is set, apart from not being a common one: at least
// 8 characters (NIST SP 800-63B's minimum), no control characters (a NUL or a newline is a
// pasting accident or an attack on whatever handles it next), and not only spaces.
export const passwordShape = z
  .string("is required")
  // abort: a short password gets one message, not also the next rule's.
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters`, abort: true })
  .max(1024, { error: "must be at most 1024 characters", abort: true })
  .refine((password) => !/\p{Cc}/u.test(password), {
    error: "must not contain control characters",
    abort: true,
  })
  .refine((password) => password.trim() !== "", { error: "must not be only spaces", abort: true });

export const nameField = z.string().trim().min(1).max(255);

/** The sign-up form: the API's fields and rules (the server adds the common-password check). */
export const signUpFields = z.object({
  name: nameField.optional().or(z.literal("")),
  email: emailField,
  password: passwordShape,
});

/** The sign-in form: both fields present (a blank one is a slip, not a failed attempt). */
export const signInFields = z.object({
  email: z.string().trim().min(1, "Enter your email."),
  password: z.string().min(1, "Enter your password."),
});

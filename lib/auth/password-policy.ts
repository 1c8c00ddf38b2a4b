// What a new password must be, wherever one is set (sign-up, user:create): at least 8 characters
// (NIST SP 800-63B's minimum), no control characters (a NUL or a newline is a pasting accident
// or an attack on whatever handles it next), not only spaces, and not one of the ~50,000
// passwords attackers try first. The list is zxcvbn's, from @zxcvbn-ts/language-common: lower
// case, so the check is too ("Password" is as guessable as "password"). Server-only: the list is
// a few hundred kB, and the sign-up form shows the API's message.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 8;

const COMMON = new Set(dictionary["passwords-common"]);

export const newPassword = z
  .string("is required")
  // abort: a short password gets one message, not also "is too common".
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters`, abort: true })
  .max(1024, { error: "must be at most 1024 characters", abort: true })
  .refine((password) => !/\p{Cc}/u.test(password), {
    error: "must not contain control characters",
    abort: true,
  })
  .refine((password) => password.trim() !== "", { error: "must not be only spaces", abort: true })
  .refine(
    (password) => !COMMON.has(password.toLowerCase()),
    "is one of the most common passwords: choose another",
  )
  .meta({
    description: "At least 8 characters; no control characters; not only spaces; not a common password.",
  });

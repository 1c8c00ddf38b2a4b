// What a new password must be, wherever one is set (sign-up, user:create): the shape the forms
// check too (credential-fields.ts), and not one of the ~50,000 passwords attackers try first.
// The list is zxcvbn's, from @zxcvbn-ts/language-common: lower case, so the check is too
// ("Password" is as guessable as "password"). Server-only: the list is a few hundred kB, and the
// sign-up form shows the API's message.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordShape } from "./credential-fields";

const COMMON = new Set(dictionary["passwords-common"]);

export const newPassword = passwordShape
  .refine(
    (password) => !COMMON.has(password.toLowerCase()),
    "is one of the most common passwords: choose another",
  )
  .meta({
    description: "At least 8 characters; no control characters; not only spaces; not a common password.",
  });

// Request bodies of the account endpoints; also the source of their OpenAPI schemas.
import { z } from "zod";
import { newPassword } from "./password-policy";

const email = z.email("must be a valid email address").max(255).meta({ example: "user@example.com" });

export const tokenBody = z.object({
  email,
  password: z.string().min(1, "is required").max(1024),
});

export const signupBody = z.object({
  email,
  password: newPassword,
  name: z.string().trim().min(1).max(255).optional(),
});

export type SignupBody = z.infer<typeof signupBody>;

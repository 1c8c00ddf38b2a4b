// The forms' zod rules (the API's own schemas) as react-hook-form resolvers. Loaded only when a
// form first validates (lazyResolver): zod is most of a form page's JavaScript otherwise.
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { signInFields, signUpFields } from "@/lib/auth/credential-fields";
import { keyFields } from "@/lib/auth/key-fields";
import { createWebhookBody } from "@/lib/webhooks/schemas";

export const signIn = zodResolver(signInFields);
export const signUp = zodResolver(signUpFields);
// The key's lifetime becomes its expiresAt when sent.
export const newKey = zodResolver(keyFields.extend({ lifetime: z.string() }));
export const newWebhook = zodResolver(createWebhookBody);

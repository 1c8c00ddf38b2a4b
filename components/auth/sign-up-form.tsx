"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn, warmSignIn } from "@/lib/client/auth-client";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { signUpFields } from "@/lib/auth/credential-fields";
import { lazyResolver } from "@/lib/client/lazy-resolver";
import { apiFetch } from "@/lib/client/api-fetch";
import { showFieldErrors } from "@/lib/client/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { linkClass } from "@/components/ui/typography";

type Fields = z.input<typeof signUpFields>;
const LABELS: Record<keyof Fields, string> = { name: "Name", email: "Email", password: "Password" };

/** The API's rule messages ("must be …") as the form says them: "Email must be …". */
const sentence = (field: keyof Fields, message: string) => `${LABELS[field]} ${message}.`;

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<Fields>({
    defaultValues: { name: "", email: "", password: "" },
    resolver: async (values, context, options) => {
      const result = await lazyResolver<Fields>("signUp")(values, context, options);
      for (const [field, issue] of Object.entries(result.errors))
        if (issue?.message) issue.message = sentence(field as keyof Fields, issue.message);
      return result;
    },
  });
  // Signed up: the button stays busy until the next page is there.
  const [leaving, setLeaving] = useState(false);
  const pending = formState.isSubmitting || leaving;

  const submit = handleSubmit(async ({ name, email, password }) => {
    setError(undefined);
    const sent = await apiFetch("/api/auth/signup", {
      method: "POST",
      body: { name: name?.trim() || undefined, email: email.trim(), password },
    });
    if (sent.ok) {
      setLeaving(true);
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false });
      router.replace(
        result?.ok && !result.error ? callbackUrl : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      );
      router.refresh();
      return;
    }
    if (sent.status === 409) {
      setFieldError(
        "email",
        { message: "An account with this email already exists: sign in with it below." },
        { shouldFocus: true },
      );
      return;
    }
    // The server's own rules (a common password) land on their fields, the first one focused.
    if (!showFieldErrors(setFieldError, sent.fields, ["name", "email", "password"], sentence))
      setError(sent.status === 0 ? "Could not reach the server. Please try again." : sent.error);
  });

  return (
    <form onSubmit={submit} onFocus={warmSignIn} className="space-y-5" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label="Name"
        autoComplete="name"
        {...register("name")}
        error={formState.errors.name?.message}
      />
      <TextField
        label="Work email"
        type="email"
        autoComplete="email"
        required
        {...register("email")}
        error={formState.errors.email?.message}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters, and not a common password."
        {...register("password")}
        error={formState.errors.password?.message}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={linkClass()}>
          Sign in
        </Link>
      </p>
    </form>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

type FieldErrors = Partial<Record<"email" | "password" | "name", string>>;

interface ErrorBody {
  error?: string;
  details?: { field: string; message: string }[];
}

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<FieldErrors>({});
  const formRef = useFocusFirstInvalid(fields);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? "").trim() || undefined,
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setError(undefined);
    setFields({});
    const response = await fetch("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (response?.status === 201) {
      const result = await signIn("credentials", {
        email: body.email,
        password: body.password,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      router.replace(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    const payload: ErrorBody = response ? await response.json().catch(() => ({})) : {};
    const next: FieldErrors = {};
    for (const detail of payload.details ?? []) {
      if (detail.field === "email" || detail.field === "password" || detail.field === "name") {
        next[detail.field] ??=
          `${detail.field === "email" ? "Email" : detail.field === "password" ? "Password" : "Name"} ${detail.message}.`;
      }
    }
    if (response?.status === 409)
      next.email = "An account with this email already exists: sign in with it below.";
    setFields(next);
    if (Object.keys(next).length === 0)
      setError(payload.error ?? "Could not reach the server. Please try again.");
    setPending(false);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" error={fields.name} />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fields.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters, and not a common password."
        error={fields.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-semibold text-link hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

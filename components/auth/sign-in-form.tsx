"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

export function describeSignInError(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const limited = /^RateLimited:(\d+)$/.exec(code);
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[1]) / 60));
    return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return code === "CredentialsSignin" ? "Invalid email or password." : "Sign-in failed. Please try again.";
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(describeSignInError(initialError));
  const [pending, setPending] = useState(false);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const formRef = useFocusFirstInvalid(missing);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(undefined);
    // An empty field is a typing slip, not a failed attempt: say which, and spend no try on it.
    const blank = { ...(email ? {} : { email: "Enter your email." }), ...(password ? {} : { password: "Enter your password." }) };
    setMissing(blank);
    if (!email || !password) return;
    setPending(true);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(describeSignInError(result?.error ?? "failed"));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus error={missing.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={missing.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

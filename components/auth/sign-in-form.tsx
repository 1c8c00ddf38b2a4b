"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn, warmSignIn } from "@/lib/client/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { signInFields } from "@/lib/auth/credential-fields";
import { lazyResolver } from "@/lib/client/lazy-resolver";
import { linkClass } from "@/components/ui/typography";

// What next-auth (OAuth*) and lib/auth/oidc.ts (Oidc*, AccountDisabled) put in ?error=.
const SINGLE_SIGN_ON_ERRORS: Record<string, (provider: string) => string> = {
  OAuthSignin: (p) =>
    `Could not start signing in with ${p}: it did not answer as expected. Try again, or tell your administrator.`,
  OAuthCallback: (p) =>
    `${p}'s answer could not be verified (its issuer, audience or signature was not the one configured here), so you were not signed in.`,
  OidcIssuer: (p) =>
    `${p} answered as a different issuer than the one configured here, so you were not signed in.`,
  OidcEmailUnverified: (p) => `${p} has not verified your email address, so it cannot sign you in here.`,
  OidcDomain: () => "Accounts of your email domain cannot sign in here. Ask your administrator.",
  AccountDisabled: () => "This account is disabled. Ask your administrator.",
};

export function describeSignInError(
  code: string | null | undefined,
  provider = "single sign-on",
): string | undefined {
  if (!code) return undefined;
  const limited = /^RateLimited:(\d+)$/.exec(code);
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[1]) / 60));
    return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === "CredentialsSignin") return "Invalid email or password.";
  return SINGLE_SIGN_ON_ERRORS[code]?.(provider) ?? "Sign-in failed. Please try again.";
}

/** "Continue with <provider>": next-auth's OpenID Connect flow, back to where the person was going. */
function SingleSignOnButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl });
      }}
    >
      {pending ? `Opening ${name}…` : `Continue with ${name}`}
    </Button>
  );
}

export function SignInForm({
  callbackUrl,
  initialError,
  singleSignOn,
  passwords,
}: {
  callbackUrl: string;
  initialError?: string;
  /** The OpenID Connect provider's name, when single sign-on is configured. */
  singleSignOn?: string;
  /** Whether password sign-in is on (PASSWORD_SIGNIN). */
  passwords: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState(describeSignInError(initialError, singleSignOn));
  // An empty field is a typing slip, not a failed attempt: say which, and spend no try on it.
  const { register, handleSubmit, formState } = useForm<z.input<typeof signInFields>>({
    defaultValues: { email: "", password: "" },
    resolver: lazyResolver("signIn"),
  });
  const [leaving, setLeaving] = useState(false);
  const pending = formState.isSubmitting || leaving;

  const submit = handleSubmit(async ({ email, password }) => {
    setError(undefined);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) {
      setLeaving(true);
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setError(describeSignInError(result?.error ?? "failed"));
  });

  const sso = singleSignOn ? <SingleSignOnButton name={singleSignOn} callbackUrl={callbackUrl} /> : null;
  if (!passwords) {
    return (
      <div className="space-y-5">
        {error ? <Alert>{error}</Alert> : null}
        {sso}
      </div>
    );
  }
  return (
    <form onSubmit={submit} onFocus={warmSignIn} className="space-y-5" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      {sso ? (
        <>
          {sso}
          <p className="flex items-center gap-3 text-xs text-slate-500 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
            or with your password
          </p>
        </>
      ) : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        autoFocus={!sso}
        {...register("email")}
        error={formState.errors.email?.message}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        {...register("password")}
        error={formState.errors.password?.message}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={linkClass()}>
          Create an account
        </Link>
      </p>
    </form>
  );
}

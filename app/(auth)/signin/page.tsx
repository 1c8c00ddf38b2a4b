import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { returnTarget } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const params = await searchParams;
  const callbackUrl = await returnTarget(params.callbackUrl);
  return (
    <>
      <h1 className={titleClass()}>Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">to request and track your integrations.</p>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={typeof params.error === "string" ? params.error : undefined}
        singleSignOn={env().OIDC_ISSUER ? env().OIDC_NAME : undefined}
        passwords={env().PASSWORD_SIGNIN}
      />
    </>
  );
}

import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { returnTarget } from "@/lib/auth/page-guard";
import { signupOpen } from "@/lib/auth/sign-up";
import { titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/signup">) {
  const callbackUrl = await returnTarget((await searchParams).callbackUrl);
  return (
    <>
      <h1 className={titleClass()}>Create an account</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Connect your recruiting tools in a few minutes.</p>
      {signupOpen() ? (
        <SignUpForm callbackUrl={callbackUrl} />
      ) : (
        <Alert tone="info">Sign-up is closed. Ask your administrator for an account.</Alert>
      )}
    </>
  );
}

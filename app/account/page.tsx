import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeys } from "@/components/account/api-keys";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isAdmin } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { cardClass } from "@/components/ui/card";
import { leadClass, linkClass, spreadRowClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requirePageUser("/account");
  // Admins may look at everyone's keys (and revoke any); others only ever see their own.
  const everyone = isAdmin(user) && (await searchParams).keys === "all";
  const keys = await listApiKeys(user, everyone);
  const tokenCommand = `curl -s -X POST ${env().APP_URL}/api/auth/token \\\n  -H 'content-type: application/json' \\\n  -d '{"email":"${user.email}","password":"…"}'`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className={titleClass()}>Your account</h1>
      <dl className={cardClass({ padding: "lg" }, "mt-6 grid gap-4 sm:grid-cols-3")}>
        <div>
          <dt className="text-sm text-slate-500">Name</dt>
          <dd className="mt-1 font-medium">{user.name ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">Email</dt>
          <dd className="mt-1 font-medium">{user.email}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">Role</dt>
          <dd className="mt-1 font-medium capitalize">{user.role}</dd>
        </div>
      </dl>
      <section className="mt-8">
        <h2 className="text-lg font-semibold">API access</h2>
        <p className={leadClass()}>
          External services call the API with a Bearer token. Exchange your email and password for one (valid
          for {Math.round(env().TOKEN_TTL_SECONDS / 60)} minutes):
        </p>
        <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100">
          {tokenCommand}
        </pre>
      </section>
      <section className="mt-8" aria-labelledby="keys-heading">
        <div className={spreadRowClass()}>
          <h2 id="keys-heading" className="text-lg font-semibold">
            {everyone ? "Everyone's API keys" : "API keys"}
          </h2>
          {isAdmin(user) ? (
            <Link
              href={everyone ? "/account" : "/account?keys=all"}
              className={linkClass({ size: "sm", weight: "medium", standalone: true }, "underline")}
            >
              {everyone ? "Show only mine" : "Show everyone's keys"}
            </Link>
          ) : null}
        </div>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          For a service that runs without you: a long-lived key that may do only what you tick, which you can
          rotate or revoke at any time. It works until it expires or is revoked, even when you sign out
          everywhere.
        </p>
        <ApiKeys keys={keys} canGrantAdmin={isAdmin(user)} />
      </section>
      <section className="mt-8" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          Webhooks
        </h2>
        <p className={leadClass()}>
          Rather than polling, let us tell your services when your requests change.{" "}
          <Link href="/account/webhooks" className={linkClass()}>
            Manage webhooks →
          </Link>
        </p>
      </section>
      <section className="mt-8" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          Lost a laptop, or shared a token by mistake? End every session and token signed in as you.
        </p>
        <SignOutEverywhere />
      </section>
    </main>
  );
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const tokenCommand = `curl -s -X POST ${env().APP_URL}/api/auth/token \\\n  -H 'content-type: application/json' \\\n  -d '{"email":"${user.email}","password":"…"}'`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <dl className="mt-6 grid gap-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3">
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
        <p className="mt-1 text-sm text-slate-600">
          External services call the API with a Bearer token. Exchange your email and password for one (valid for{" "}
          {Math.round(env().TOKEN_TTL_SECONDS / 60)} minutes):
        </p>
        <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100">{tokenCommand}</pre>
      </section>
    </main>
  );
}

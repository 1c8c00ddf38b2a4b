import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { UserActions } from "@/components/admin/user-actions";
import { Timestamp } from "@/components/integrations/relative-time";
import { requirePageAdmin } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/auth/user-directory";
import { cardClass } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { buttonClass } from "@/components/ui/button";
import { linkClass, spreadRowClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "People" };

const filters = z.object({
  q: z.string().trim().max(255).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const admin = await requirePageAdmin("/admin/users");
  const params = filters.parse(await searchParams);
  const { users, next } = await listUsers(params);
  const link = (patch: Record<string, string | number | undefined>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: params.q, ...patch }))
      if (value) query.set(key, String(value));
    return `/admin/users${query.size ? `?${query}` : ""}`;
  };

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <div className={spreadRowClass()}>
        <h1 className={titleClass()}>People</h1>
        <Link href="/account?keys=all" className={linkClass({ size: "sm", standalone: true })}>
          Everyone&apos;s API keys
        </Link>
      </div>
      <form role="search" className="flex flex-wrap gap-2" action="/admin/users">
        <label htmlFor="people-q" className="sr-only">
          Email or name
        </label>
        <Input
          size="touch"
          id="people-q"
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder="Email or name"
          className="min-w-0 flex-1"
        />
        <button type="submit" className={buttonClass("primary", "min-h-11")}>
          Search
        </button>
      </form>
      {users.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody matches{params.q ? ` “${params.q}”` : ""}.</p>
      ) : (
        <ul className="space-y-3" aria-label="People">
          {users.map((user) => (
            <li key={user.id} className={cardClass({ padding: "sm" })}>
              <div className={spreadRowClass()}>
                <div className="min-w-0">
                  <p className="font-semibold [overflow-wrap:anywhere]">{user.email}</p>
                  <p className="text-sm text-slate-600">{user.name ?? "—"}</p>
                </div>
                <p className="flex flex-wrap gap-1.5 text-xs">
                  <span className="rounded-full bg-slate-100 px-2.5 py-1 capitalize">{user.role}</span>
                  {user.disabled ? (
                    <span className="rounded-full bg-red-50 px-2.5 py-1 text-red-800">Disabled</span>
                  ) : null}
                  <span className="rounded-full bg-slate-100 px-2.5 py-1">
                    {user.passwordless ? "Single sign-on" : "Password"}
                  </span>
                  <span className="rounded-full bg-slate-100 px-2.5 py-1">
                    {user.keys} API key{user.keys === 1 ? "" : "s"}
                  </span>
                </p>
              </div>
              <p className="mt-1 text-xs text-slate-500">
                Joined <Timestamp iso={user.createdAt.toISOString()} />
              </p>
              <div className="mt-3">
                <UserActions
                  id={user.id}
                  email={user.email}
                  disabled={user.disabled}
                  self={user.id === admin.id}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {params.before ? (
          <Link href={link({ before: undefined })} className={linkClass()}>
            Newest
          </Link>
        ) : null}
        {next ? (
          <Link href={link({ before: next })} className={linkClass()}>
            Older people
          </Link>
        ) : null}
      </nav>
    </main>
  );
}

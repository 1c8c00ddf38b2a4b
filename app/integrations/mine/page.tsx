import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listIntegrations } from "@/lib/integrations/list-query";
import { ownListQuery } from "@/lib/integrations/schemas";
import { StatusBadge } from "@/components/integrations/status-badge";
import { Timestamp } from "@/components/integrations/relative-time";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "My integrations" };

export default async function MyIntegrationsPage() {
  const user = await requirePageUser("/integrations/mine");
  const page = await listIntegrations({ userId: user.id }, ownListQuery.parse({ sort: "-updatedAt", limit: "200" }));
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">My integrations</h1>
        <Link href="/integrations" className={buttonClass("primary")}>
          Connect another
        </Link>
      </div>
      {page.integrations.length === 0 ? (
        <div className="mt-8 rounded-xl bg-white px-6 py-16 text-center shadow-sm ring-1 ring-slate-200">
          <p className="font-medium">You have not requested any integration yet.</p>
          <p className="mt-1 text-sm text-slate-600">Pick your ATS from the catalog to get started.</p>
          <Link href="/integrations" className={buttonClass("secondary", "mt-6")}>
            Browse integrations
          </Link>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {page.integrations.map((item) => (
            <li key={item.id}>
              <Link href={`/integrations/mine/${item.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-4 hover:bg-slate-50">
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900">{item.integrationName}</span>
                  <span className="block text-sm text-slate-500">
                    #{item.id} · {item.integrationType}
                  </span>
                </span>
                <StatusBadge status={item.status} />
                <span className="w-full text-sm text-slate-500 sm:w-auto">
                  Updated <Timestamp iso={item.updatedAt} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {page.count > page.integrations.length ? (
        <p className="mt-3 text-sm text-slate-500">Showing the {page.integrations.length} most recently updated of {page.count}.</p>
      ) : null}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AUTH_LABELS, catalog } from "@/lib/integrations/catalog";
import { requirePageUser } from "@/lib/auth/page-guard";
import { cardClass } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { leadClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Connect an integration" };

export default async function CatalogPage() {
  await requirePageUser("/integrations");
  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className={titleClass()}>Connect an integration</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Pick the system you use. Each form asks only for what that system needs; credentials are encrypted as
        soon as they reach us and are never shown back in full.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {catalog.map((entry) => (
          <li key={entry.slug} className={cardClass({ padding: "md" }, "flex flex-col")}>
            <h2 className="text-lg font-semibold">{entry.name}</h2>
            <p className={leadClass()}>{entry.summary}</p>
            <p className="mt-2 text-xs font-medium text-slate-600">{AUTH_LABELS[entry.auth]}</p>
            <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Have at hand</p>
            <ul className="mt-1 flex-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {entry.needs.map((need) => (
                <li key={need}>{need}</li>
              ))}
            </ul>
            <Link
              href={`/integrations/${entry.slug}/new`}
              aria-label={`Connect ${entry.name}`}
              className={buttonClass("primary", "mt-5")}
            >
              Connect
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

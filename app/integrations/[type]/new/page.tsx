import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { catalogEntry } from "@/lib/integrations/catalog";
import { requirePageUser } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { IntegrationForm } from "@/components/integrations/integration-form";
import { providerChecks } from "@/lib/integrations/provider-checks";
import { cardClass } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { titleClass } from "@/components/ui/typography";

export async function generateMetadata({ params }: PageProps<"/integrations/[type]/new">): Promise<Metadata> {
  const entry = catalogEntry((await params).type);
  return { title: entry ? `Connect ${entry.name}` : "Not found" };
}

export default async function NewIntegrationPage({ params }: PageProps<"/integrations/[type]/new">) {
  const { type } = await params;
  const entry = catalogEntry(type);
  if (!entry) notFound();
  await requirePageUser(`/integrations/${type}/new`);
  const callbackUrl =
    entry.auth === "oauth"
      ? new URL(`/api/integrations/${entry.slug}/callback`, env().APP_URL).toString()
      : undefined;
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <BackLink href="/integrations">All integrations</BackLink>
      <h1 className={titleClass("mt-2")}>Connect {entry.name}</h1>
      <p className="mt-2 text-slate-600">{entry.summary}</p>
      <div className={cardClass({ padding: "lg" }, "mt-8")}>
        <IntegrationForm
          entry={entry}
          mode="create"
          callbackUrl={callbackUrl}
          testable={entry.slug in providerChecks}
        />
      </div>
    </main>
  );
}

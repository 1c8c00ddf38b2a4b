import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageAdmin } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/path-id";
import { catalogEntry, fieldLabels } from "@/lib/integrations/catalog";
import { SubmissionFacts } from "@/components/admin/submission-facts";
import { listEvents } from "@/lib/integrations/events";
import { getIntegration } from "@/lib/integrations/get";
import { listOutbox } from "@/lib/mail/outbox-queries";
import { HistorySection } from "@/components/integrations/history";
import { IntegrationForm } from "@/components/integrations/integration-form";
import { StatusBadge } from "@/components/integrations/status-badge";
import { OutboxTable } from "@/components/admin/outbox-table";
import { RevealData } from "@/components/admin/reveal-data";
import { StatusEditor } from "@/components/admin/status-editor";
import { OnceAlert } from "@/components/ui/once-alert";
import { ConnectionPanel } from "@/components/integrations/connection-panel";
import { cardClass } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { linkClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Submission" };

export default async function AdminSubmissionPage({ params, searchParams }: PageProps<"/admin/[id]">) {
  const { id: idParam } = await params;
  const admin = await requirePageAdmin(`/admin/${idParam}`);
  const load = async () => {
    try {
      const id = parseId(idParam);
      const [one, events, emails] = await Promise.all([
        getIntegration(admin, id),
        listEvents(admin, id),
        listOutbox({ submissionId: id }),
      ]);
      return { ...one, events, emails };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) notFound();
      throw error;
    }
  };
  const { integration, version, events, emails } = await load();
  const entry = catalogEntry(integration.integrationType);

  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <BackLink href="/admin">All submissions</BackLink>
      {(await searchParams).updated ? <OnceAlert flag="updated">Saved.</OnceAlert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className={titleClass("min-w-0 [overflow-wrap:anywhere]")}>{integration.integrationName}</h1>
        <StatusBadge status={integration.status} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <section aria-labelledby="fields" className={cardClass({ padding: "md" })}>
            <h2 id="fields" className="text-lg font-semibold">
              Submission
            </h2>
            <div className="mt-3">
              <SubmissionFacts integration={integration} />
            </div>
            <div className="mt-5 border-t border-slate-100 pt-4">
              <StatusEditor id={integration.id} status={integration.status} version={version} />
            </div>
          </section>
          <ConnectionPanel id={integration.id} connection={integration.connection} />
          <section aria-labelledby="data" className={cardClass({ padding: "md" })}>
            <h2 id="data" className="text-lg font-semibold">
              Credentials and settings
            </h2>
            <div className="mt-3">
              <RevealData id={integration.id} data={integration.data} labels={fieldLabels(entry)} />
            </div>
            {entry ? (
              <details className="mt-5 border-t border-slate-100 pt-4">
                {/* Padded, not flex: a flex summary loses its disclosure triangle. */}
                <summary className={linkClass({ size: "sm" }, "cursor-pointer max-md:py-3")}>
                  Edit data
                </summary>
                <div className="mt-4">
                  <IntegrationForm
                    key={version}
                    entry={entry}
                    mode="edit"
                    id={integration.id}
                    version={version}
                    masked={integration.data}
                    savedHref={`/admin/${integration.id}?updated=1`}
                  />
                </div>
              </details>
            ) : null}
          </section>
          <section aria-labelledby="emails" className={cardClass({ padding: "none" }, "overflow-hidden")}>
            <h2 id="emails" className="px-5 pt-5 text-lg font-semibold">
              Emails about it
            </h2>
            <div className="mt-3">
              <OutboxTable items={emails.items} previewHref={(emailId) => `/admin/emails?id=${emailId}`} />
            </div>
          </section>
        </div>
        <HistorySection events={events} viewer="admin" labels={fieldLabels(entry)} className="h-fit" />
      </div>
    </main>
  );
}

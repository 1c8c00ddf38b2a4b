import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/http/errors";
import { getIntegration } from "@/lib/integrations/get";
import { listEvents } from "@/lib/integrations/events";
import { catalogEntry, fieldLabels, typeName } from "@/lib/integrations/catalog";
import { parseId } from "@/lib/http/path-id";
import type { Status } from "@/db/schema";
import { StatusBadge } from "@/components/integrations/status-badge";
import { HistorySection } from "@/components/integrations/history";
import { DataList } from "@/components/integrations/data-list";
import { IntegrationForm } from "@/components/integrations/integration-form";
import { Timestamp } from "@/components/integrations/relative-time";
import { Alert } from "@/components/ui/alert";
import { OnceAlert } from "@/components/ui/once-alert";
import { ConnectionPanel } from "@/components/integrations/connection-panel";
import { cardClass } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Integration" };

const NEXT_STEP: Record<Status, string> = {
  pending: "Our team will pick up your request shortly. You will get an email when its status changes.",
  in_progress: "Our team is setting it up. You will get an email when it is done.",
  completed: "This integration is live.",
  failed:
    "We could not complete it. Check your details below and save a correction: it goes back to our team for another try.",
};

async function load(user: Awaited<ReturnType<typeof requirePageUser>>, idParam: string) {
  try {
    const id = parseId(idParam);
    const [{ integration, version }, events] = await Promise.all([
      getIntegration(user, id),
      listEvents(user, id),
    ]);
    return { integration, version, events };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function IntegrationPage({
  params,
  searchParams,
}: PageProps<"/integrations/mine/[id]">) {
  const { id } = await params;
  const flags = await searchParams;
  const user = await requirePageUser(`/integrations/mine/${id}`);
  const { integration, version, events } = await load(user, id);
  const entry = catalogEntry(integration.integrationType);
  // The note that came with the change to the current status, if the team left one.
  const note = events.findLast((e) => e.type === "status_changed" && e.details.to === integration.status)
    ?.details.note;
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <BackLink href="/integrations/mine">My integrations</BackLink>
      {flags.created ? (
        <OnceAlert flag="created">Your {integration.integrationName} request was submitted.</OnceAlert>
      ) : null}
      {flags.updated ? <OnceAlert flag="updated">Your changes were saved.</OnceAlert> : null}
      {flags.connected ? (
        <OnceAlert flag="connected">{typeName(integration.integrationType)} is connected.</OnceAlert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className={titleClass("min-w-0 [overflow-wrap:anywhere]")}>{integration.integrationName}</h1>
        <StatusBadge status={integration.status} />
      </div>
      <p className="text-slate-600">{NEXT_STEP[integration.status]}</p>
      {note ? (
        <Alert tone="info">
          <span className="font-semibold">Message from our team:</span>{" "}
          <span className="whitespace-pre-line">{note}</span>
        </Alert>
      ) : null}
      <dl className={cardClass({ padding: "md" }, "grid gap-4 text-sm sm:grid-cols-3")}>
        <div>
          <dt className="text-slate-500">Request</dt>
          <dd className="font-medium">
            #{integration.id} · {typeName(integration.integrationType)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Submitted</dt>
          <dd className="font-medium">
            <Timestamp iso={integration.submittedAt} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Last update</dt>
          <dd className="font-medium">
            <Timestamp iso={integration.updatedAt} />
          </dd>
        </div>
      </dl>
      <ConnectionPanel
        id={integration.id}
        connection={integration.connection}
        connectHref={
          entry?.auth === "oauth" && integration.userId === user.id
            ? `/api/integrations/${integration.id}/connect`
            : undefined
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="details" className={cardClass({ padding: "md" })}>
          <h2 id="details" className="text-lg font-semibold">
            {entry ? "Edit details" : "Details"}
          </h2>
          <div className="mt-4">
            {entry ? (
              <IntegrationForm
                key={version}
                entry={entry}
                mode="edit"
                id={integration.id}
                version={version}
                masked={integration.data}
                resubmit={integration.status === "failed"}
              />
            ) : (
              <DataList data={integration.data} />
            )}
          </div>
        </section>
        <HistorySection events={events} viewer="owner" labels={fieldLabels(entry)} className="h-fit" />
      </div>
    </main>
  );
}

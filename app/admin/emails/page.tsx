import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { outboxStatuses } from "@/db/schema";
import { requirePageAdmin } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { findOutboxEmail, listOutbox } from "@/lib/mail/outbox-queries";
import { renderTemplate } from "@/lib/mail/templates";
import { templateNames, type TemplateName } from "@/lib/mail/template-names";
import { OutboxTable } from "@/components/admin/outbox-table";
import { OUTBOX_LABELS } from "@/components/admin/outbox-status";
import { Alert } from "@/components/ui/alert";
import { cardClass } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { pillClass } from "@/components/ui/pill";
import { leadClass, linkClass, spreadRowClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Email outbox" };

const filters = z.object({
  status: z.enum(outboxStatuses).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
  id: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function EmailsPage({ searchParams }: PageProps<"/admin/emails">) {
  await requirePageAdmin("/admin/emails");
  const params = filters.parse(await searchParams);
  const [page, selected] = await Promise.all([
    listOutbox({ status: params.status, before: params.before }),
    params.id ? findOutboxEmail(params.id) : undefined,
  ]);
  const preview =
    selected && (templateNames as readonly string[]).includes(selected.template)
      ? await renderTemplate(selected.template as TemplateName, selected.props).catch(() => undefined)
      : undefined;
  const link = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ status: params.status, ...patch }))
      if (value !== undefined) next.set(key, String(value));
    return `/admin/emails${next.size ? `?${next}` : ""}`;
  };

  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <BackLink href="/admin">Dashboard</BackLink>
        <h1 className={titleClass("mt-2")}>Email outbox</h1>
        <p className={leadClass()}>
          Every email the app sends is written here first, then delivered and retried with backoff.{" "}
          {env().SMTP_URL
            ? "They go out through your mail server; a failed attempt is tried again on its own."
            : "No mail server is set up, so emails are kept here instead of being sent: this page is the mailbox."}
        </p>
      </div>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...outboxStatuses].map((status) => (
          <Link
            key={status ?? "all"}
            href={link({ status, before: undefined })}
            aria-current={params.status === status ? "page" : undefined}
            className={pillClass(params.status === status)}
          >
            {status ? OUTBOX_LABELS[status] : "All"}
          </Link>
        ))}
      </nav>
      {selected ? (
        <section aria-label="Message" className={cardClass({ padding: "sm" })}>
          <div className={spreadRowClass()}>
            <h2 className="min-w-0 font-semibold [overflow-wrap:anywhere]">{selected.subject}</h2>
            <Link
              href={link({ id: undefined, before: params.before })}
              className={linkClass({ size: "sm", weight: "normal" })}
            >
              Close
            </Link>
          </div>
          <p className="text-sm text-slate-600">To {selected.recipient}</p>
          {preview ? (
            // sandbox without allow-scripts: the rendered email can never run code here.
            <iframe
              title={`Preview of ${selected.subject}`}
              srcDoc={preview.html}
              sandbox=""
              className="mt-3 h-[480px] w-full rounded-lg ring-1 ring-slate-200"
            />
          ) : (
            <Alert>This email cannot be rendered (unknown template or props).</Alert>
          )}
        </section>
      ) : params.id ? (
        <Alert>
          There is no email #{params.id}.{" "}
          <Link href={link({ id: undefined, before: params.before })} className="font-semibold underline">
            Show the outbox
          </Link>
        </Alert>
      ) : null}
      <section aria-label="Emails" className={cardClass({ padding: "none" }, "overflow-hidden")}>
        <OutboxTable items={page.items} previewHref={(id) => link({ id, before: params.before })} />
      </section>
      {page.nextBefore ? (
        <Link href={link({ before: page.nextBefore })} className={linkClass({ size: "sm" })}>
          Older emails →
        </Link>
      ) : null}
    </main>
  );
}

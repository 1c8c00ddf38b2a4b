"use client";

import Link from "next/link";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import { ConnectionBadge } from "@/components/integrations/connection-badge";
import { DataList } from "@/components/integrations/data-list";
import { StatusBadge } from "@/components/integrations/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Sheet } from "@/components/ui/sheet";
import { SubmissionFacts } from "./submission-facts";

/** A row's details beside the list (Quick view): what the list cannot show, without leaving it. */
export function SubmissionSheet({
  integration,
  returnFocus,
  onClose,
}: {
  integration: IntegrationDto | undefined;
  returnFocus: HTMLElement | null;
  onClose: () => void;
}) {
  return (
    <Sheet
      open={integration !== undefined}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={integration ? `#${integration.id} ${integration.integrationName}` : ""}
      description={integration ? `From ${integration.userEmail}` : undefined}
      returnFocus={returnFocus}
    >
      {integration ? (
        <div className="space-y-5">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={integration.status} />
            <ConnectionBadge status={integration.connection.status} />
          </div>
          {integration.connection.message ? (
            <p className="text-sm text-slate-700">{integration.connection.message}</p>
          ) : null}
          <SubmissionFacts integration={integration} />
          <section aria-labelledby="sheet-data">
            <h3 id="sheet-data" className="text-sm font-semibold text-slate-900">
              Credentials and settings (masked)
            </h3>
            <div className="mt-2">
              <DataList data={integration.data} />
            </div>
          </section>
          <Link href={`/admin/${integration.id}`} className={buttonClass("primary")}>
            Open the full page
          </Link>
        </div>
      ) : null}
    </Sheet>
  );
}

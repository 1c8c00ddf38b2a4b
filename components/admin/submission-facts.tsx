import type { ReactNode } from "react";
import { catalogEntry, sourceLabel } from "@/lib/integrations/catalog";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import { Timestamp } from "@/components/integrations/relative-time";

/** What a submission is, as the admin detail page and the list's quick view both show it. */
export function SubmissionFacts({ integration }: { integration: IntegrationDto }) {
  const entry = catalogEntry(integration.integrationType);
  const facts: [string, ReactNode][] = [
    ["ID", `#${integration.id}`],
    ["User", `${integration.userEmail} (id ${integration.userId})`],
    ["Type", entry ? `${entry.name} (${integration.integrationType})` : integration.integrationType],
    ["Source", sourceLabel(integration.source)],
    ["Callback URL", integration.callbackUrl ?? "—"],
    ["Saved to server", integration.savedToServer ? "Yes" : "No"],
    ["Submitted", <Timestamp key="s" iso={integration.submittedAt} />],
    ["Updated", <Timestamp key="u" iso={integration.updatedAt} />],
  ];
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-medium break-all text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

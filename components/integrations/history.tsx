import type { EventDto } from "@/lib/integrations/events";
import { statusLabel } from "@/lib/integrations/status";
import { Timestamp } from "./relative-time";
import { cardClass } from "@/components/ui/card";

/** Who sees the history: an admin sees every actor's address, an owner "you" and "our team". */
export type Viewer = "admin" | "owner";

interface HistoryProps {
  events: EventDto[];
  viewer: Viewer;
  /** Field names to the labels the form shows (the catalog's), for "Updated …". */
  labels?: Record<string, string>;
}

function describe(event: EventDto, labels: Record<string, string>): string {
  const d = event.details;
  switch (event.type) {
    case "created":
      return `Submitted${d.to ? ` as ${statusLabel(d.to)}` : ""}`;
    case "updated":
      return `Updated ${d.fields?.length ? d.fields.map((field) => labels[field] ?? field).join(", ") : "details"}`;
    case "status_changed":
      return `Status changed from ${statusLabel(d.from)} to ${statusLabel(d.to)}`;
    case "revealed":
      return "Credentials revealed";
    case "email_sent":
      return `Email sent${d.recipient ? ` to ${d.recipient}` : ""}`;
    case "email_queued":
      return `Email queued${d.recipient ? ` for ${d.recipient}` : ""}`;
    case "email_failed":
      return `Email failed${d.recipient ? ` for ${d.recipient}` : ""}`;
    case "connection_tested":
      return `Connection tested: ${d.message ?? d.result ?? "no answer"}`;
    case "connected":
      return d.message ?? "Connected";
    case "connect_failed":
      return `Connecting failed: ${d.message ?? "no answer"}`;
    case "refresh_failed":
      return `Renewing access failed: ${d.message ?? "no answer"}`;
    case "message":
      return "Message from our team";
  }
}

function actorOf(event: EventDto, viewer: Viewer): string {
  if (viewer === "admin") return event.actor.email ?? "system";
  // The owner's events carry their own address; everyone else's are withheld from them.
  return event.actor.email ? "you" : "our team";
}

/** The audit history as a timeline, newest first. Events never carry secret values. */
export function History({ events: all, viewer, labels = {} }: HistoryProps) {
  // The emails the system queued and sent are the team's business; an owner sees what happened
  // to their request.
  const events = viewer === "admin" ? all : all.filter((event) => !event.type.startsWith("email_"));
  // Rows imported without history (demo data, older records) have no events at all.
  if (events.length === 0) return <p className="text-sm text-slate-500">No history recorded.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {[...events].reverse().map((event) => (
        <li key={event.id}>
          <span
            aria-hidden
            className="absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-surface bg-brand-600"
          />
          <p className="text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">
            {describe(event, labels)}
          </p>
          {event.details.note ? (
            <p className="mt-0.5 whitespace-pre-line text-sm text-slate-700 [overflow-wrap:anywhere]">
              “{event.details.note}”
            </p>
          ) : null}
          <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">
            <Timestamp iso={event.createdAt} /> · {actorOf(event, viewer)}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The history as a page section, as the user's and the admin's detail pages show it. */
export function HistorySection({ className = "", ...props }: HistoryProps & { className?: string }) {
  return (
    <section aria-labelledby="history" className={cardClass({ padding: "md" }, className)}>
      <h2 id="history" className="text-lg font-semibold">
        History
      </h2>
      <div className="mt-4">
        <History {...props} />
      </div>
    </section>
  );
}

import type { OutboxStatus } from "@/db/schema";

const STYLES: Record<OutboxStatus, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  sending: "bg-sky-50 text-sky-800 ring-sky-200",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  mailbox: "bg-violet-50 text-violet-800 ring-violet-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

export const OUTBOX_LABELS: Record<OutboxStatus, string> = {
  pending: "Queued",
  sending: "Sending",
  sent: "Sent",
  mailbox: "In mailbox",
  failed: "Failed",
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>{OUTBOX_LABELS[status]}</span>;
}

import type { OutboxStatus } from "@/db/schema";
import { Badge } from "@/components/ui/badge";

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

/** An email still waiting after failed attempts is retrying, not merely queued: it says how often it failed. */
export function OutboxStatusBadge({ status, attempts = 0 }: { status: OutboxStatus; attempts?: number }) {
  const label =
    status === "pending" && attempts > 0 ? `Retrying (${attempts} failed)` : OUTBOX_LABELS[status];
  return <Badge tone={STYLES[status]}>{label}</Badge>;
}

import { CONNECTION_LABELS, type ConnectionStatus } from "@/lib/integrations/connection-status";
import { Badge } from "@/components/ui/badge";

const TONE: Record<ConnectionStatus, string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  needs_reauth: "bg-amber-50 text-amber-800 ring-amber-200",
  untested: "bg-slate-100 text-slate-700 ring-slate-200",
  not_connected: "bg-slate-100 text-slate-700 ring-slate-200",
  unsupported: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** A connection's state as a chip (the request page, the admin detail and table). */
export function ConnectionBadge({
  status,
  label = CONNECTION_LABELS[status],
  className,
  role,
}: {
  status: ConnectionStatus;
  label?: string;
  className?: string;
  role?: "status";
}) {
  return (
    <Badge role={role} tone={TONE[status]} className={className}>
      {label}
    </Badge>
  );
}

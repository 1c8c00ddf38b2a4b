import { STATUS_COLORS, STATUS_LABELS, type Status } from "@/lib/integrations/status";

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_COLORS[status].badge}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}

import type { Status } from "@/db/schema";

export const STATUS_LABELS: Record<Status, string> = {
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
};

export const STATUS_COLORS: Record<Status, { badge: string; fill: string }> = {
  pending: { badge: "bg-amber-50 text-amber-800 ring-amber-200", fill: "#f59e0b" },
  in_progress: { badge: "bg-sky-50 text-sky-800 ring-sky-200", fill: "#0ea5e9" },
  completed: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-200", fill: "#10b981" },
  failed: { badge: "bg-red-50 text-red-800 ring-red-200", fill: "#ef4444" },
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_COLORS[status].badge}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

// The one vocabulary of a submission's status: the values (the schema's enum, the API's zod
// schema), what people read (pages, emails, API docs) and the colors the UI shows them in. Plain
// data with no imports, so the database schema, emails and client components all take it from here.
export const statuses = ["pending", "in_progress", "completed", "failed"] as const;
export type Status = (typeof statuses)[number];

export const STATUS_LABELS: Record<Status, string> = {
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
};

/** A status as people read it; a value that is not one (an old event, a typo) as it was written. */
export const statusLabel = (status: string | undefined): string =>
  status === undefined ? "?" : (STATUS_LABELS[status as Status] ?? status.replace(/_/g, " "));

/** The line that tells an owner where their request stands (email subject and heading). */
export const statusHeadline = (integrationName: string, status: string): string =>
  status === "failed"
    ? `Your ${integrationName} integration couldn't be completed`
    : `Your ${integrationName} integration is now ${statusLabel(status).toLowerCase()}`;

/** Badge classes (light and dark follow the palette in app/globals.css) and the chart's fill. */
export const STATUS_COLORS: Record<Status, { badge: string; fill: string }> = {
  pending: { badge: "bg-amber-50 text-amber-800 ring-amber-200", fill: "#f59e0b" },
  in_progress: { badge: "bg-sky-50 text-sky-800 ring-sky-200", fill: "#0ea5e9" },
  completed: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-200", fill: "#10b981" },
  failed: { badge: "bg-red-50 text-red-800 ring-red-200", fill: "#ef4444" },
};

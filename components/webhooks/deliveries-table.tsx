"use client";

import { useState } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { Timestamp } from "@/components/integrations/relative-time";
import { Badge } from "@/components/ui/badge";
import { RetryButton } from "@/components/ui/retry-button";
import { ReadOnlyTable } from "@/components/ui/data-table";

export interface DeliveryRow {
  id: number;
  type: string;
  submissionId: number | null;
  status: "pending" | "delivered" | "failed";
  responseStatus: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  history: {
    responseStatus: number | null;
    error: string | null;
    responseBody: string | null;
    createdAt: string;
  }[];
}

const TONE = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  delivered: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

const column = createColumnHelper<DeliveryRow>();

const columnsFor = (endpointId: number) => [
  column.accessor("createdAt", { header: "Queued", cell: (c) => <Timestamp iso={c.getValue()} /> }),
  column.accessor("type", {
    header: "Event",
    cell: (c) => (
      <span>
        <code className="font-mono text-xs">{c.getValue()}</code>
        {c.row.original.submissionId ? (
          <span className="block text-xs text-slate-500">#{c.row.original.submissionId}</span>
        ) : null}
      </span>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (c) => <Badge tone={TONE[c.getValue()]}>{c.getValue()}</Badge>,
  }),
  column.accessor("attempts", { header: "Attempts", meta: { cell: "tabular-nums" } }),
  column.display({
    id: "answer",
    header: "Last answer",
    meta: { cell: "max-w-xs" },
    cell: ({ row: { original } }) => {
      const last = original.history[0];
      return last ? (
        <span className="text-xs">
          {last.responseStatus ?? "—"}{" "}
          {last.error ? <span className="text-red-700">{last.error}</span> : null}
          {/* The receiver's words as text, never as HTML. */}
          {last.responseBody ? (
            <span className="block truncate font-mono text-slate-500" title={last.responseBody}>
              {last.responseBody}
            </span>
          ) : null}
        </span>
      ) : (
        "—"
      );
    },
  }),
  column.display({
    id: "actions",
    meta: { label: "Actions" },
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row: { original } }) =>
      original.status === "delivered" ? null : (
        <RetryButton path={`/api/webhooks/${endpointId}/deliveries/${original.id}/retry`} />
      ),
  }),
];

export function DeliveriesTable({ endpointId, rows }: { endpointId: number; rows: DeliveryRow[] }) {
  const [columns] = useState(() => columnsFor(endpointId));
  return <ReadOnlyTable rows={rows} columns={columns} label="Deliveries" empty="No deliveries match." />;
}

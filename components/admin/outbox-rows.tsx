"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { OutboxListItem } from "@/lib/mail/outbox-queries";
import { Timestamp } from "@/components/integrations/relative-time";
import { ReadOnlyTable } from "@/components/ui/data-table";
import { OutboxStatusBadge } from "./outbox-status";
import { RetryButton } from "@/components/ui/retry-button";
import { linkClass } from "@/components/ui/typography";

export type OutboxRow = OutboxListItem & { href?: string };

const column = createColumnHelper<OutboxRow>();

const columns = [
  column.accessor("createdAt", {
    header: "Created",
    meta: { cell: "whitespace-nowrap text-slate-600" },
    cell: (c) => <Timestamp iso={c.getValue().toISOString()} />,
  }),
  column.accessor("recipient", {
    header: "To",
    meta: { cell: "max-w-[14rem] truncate whitespace-nowrap max-md:max-w-none" },
    cell: (c) => <span title={c.getValue()}>{c.getValue()}</span>,
  }),
  column.accessor("subject", {
    header: "Subject",
    meta: { cell: "min-w-[12rem] max-w-md [overflow-wrap:anywhere]" },
    cell: ({ row: { original: item } }) => (
      <div className="min-w-0">
        {item.href ? (
          <Link href={item.href} className={linkClass({ weight: "medium", standalone: true })}>
            {item.subject}
          </Link>
        ) : (
          item.subject
        )}
        <span className="block text-xs text-slate-500">
          {item.template}
          {item.submissionId ? (
            <>
              {" · "}
              <Link
                href={`/admin/${item.submissionId}`}
                className={linkClass({ weight: "normal", standalone: true })}
              >
                #{item.submissionId}
              </Link>
            </>
          ) : null}
        </span>
      </div>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (c) => <OutboxStatusBadge status={c.getValue()} attempts={c.row.original.attempts} />,
  }),
  column.accessor("attempts", { header: "Attempts", meta: { cell: "tabular-nums" } }),
  column.accessor("lastError", {
    header: "Last error",
    meta: { cell: "max-w-xs text-xs text-red-700" },
    cell: (c) => c.getValue() ?? "",
  }),
  column.display({
    id: "actions",
    meta: { label: "Actions" },
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row: { original: item } }) =>
      item.status === "failed" || item.status === "pending" ? (
        <RetryButton path={`/api/admin/emails/${item.id}/retry`} />
      ) : null,
  }),
];

export function OutboxRows({ rows }: { rows: OutboxRow[] }) {
  return <ReadOnlyTable rows={rows} columns={columns} label="Emails" empty="No emails." />;
}

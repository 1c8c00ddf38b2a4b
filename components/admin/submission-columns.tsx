"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { CONNECTION_SHORT } from "@/lib/integrations/connection-status";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import type { Status } from "@/lib/integrations/status";
import { ConnectionBadge } from "@/components/integrations/connection-badge";
import { Checkbox } from "@/components/ui/checkbox";
import { RowActions } from "./row-actions";
import { StatusCell } from "./status-cell";
import { linkClass } from "@/components/ui/typography";

/** What the cells need from the table that holds them (its TanStack `meta`). */
export interface SubmissionsMeta {
  shown: (row: IntegrationDto) => Status;
  save: (row: IntegrationDto, status: Status) => Promise<boolean>;
  /** Opens the row's details beside the list; `from` gets the focus back when they close. */
  view: (row: IntegrationDto, from: HTMLElement | null) => void;
}

export const SORTABLE: ReadonlySet<string> = new Set([
  "submittedAt",
  "updatedAt",
  "status",
  "integrationName",
  "userEmail",
]);

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const column = createColumnHelper<IntegrationDto>();
const metaOf = (table: { options: { meta?: unknown } }) => table.options.meta as SubmissionsMeta;

// Defined once: cells are components, and a column rebuilt on each render would remount every
// cell (a status select would lose its draft and the keyboard focus). Changing state reaches
// the cells through the table's meta instead.
export const submissionColumns = [
  column.display({
    id: "select",
    meta: { label: "Select" },
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all rows on this page"
        checked={table.getIsAllRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select #${row.original.id}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor("id", {
    header: "ID",
    cell: (c) => (
      <Link href={`/admin/${c.getValue()}`} className={linkClass({ weight: "medium", standalone: true })}>
        #{c.getValue()}
      </Link>
    ),
  }),
  // Names and emails may be 255 characters: cut to one line here (in full on hover and in the
  // detail view), so one long value cannot squeeze every other column of the page. The source
  // is in the detail view only: the table keeps to what a row is worked by.
  column.accessor("userEmail", {
    header: "User",
    cell: (c) => (
      <span className="block max-w-[14rem] truncate" title={c.getValue()}>
        {c.getValue()}
      </span>
    ),
  }),
  column.accessor("integrationName", {
    header: "Integration",
    cell: (c) => (
      <span className="block max-w-[16rem]" title={c.getValue()}>
        <span className="block truncate font-medium text-slate-900">{c.getValue()}</span>
        <span className="block truncate text-xs text-slate-500">{c.row.original.integrationType}</span>
      </span>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (c) => {
      const row = c.row.original;
      const meta = metaOf(c.table);
      return <StatusCell id={row.id} shown={meta.shown(row)} onSave={(status) => meta.save(row, status)} />;
    },
  }),
  // Only what someone may have to act on stands out; the rest is quiet.
  column.accessor((row) => row.connection.status, {
    id: "connection",
    header: "Connection",
    cell: (c) => {
      const status = c.getValue();
      return status === "failed" || status === "needs_reauth" || status === "ok" ? (
        <ConnectionBadge status={status} label={CONNECTION_SHORT[status]} />
      ) : (
        <span className="text-xs text-slate-500">{CONNECTION_SHORT[status]}</span>
      );
    },
  }),
  column.accessor("submittedAt", {
    header: "Submitted (UTC)",
    cell: (c) => <span className="whitespace-nowrap">{dateTime.format(new Date(c.getValue()))}</span>,
  }),
  column.accessor("updatedAt", {
    header: "Updated (UTC)",
    cell: (c) => <span className="whitespace-nowrap">{dateTime.format(new Date(c.getValue()))}</span>,
  }),
  column.display({
    id: "actions",
    meta: { label: "Actions" },
    header: () => <span className="sr-only">Actions</span>,
    cell: (c) => {
      const meta = metaOf(c.table);
      const row = c.row.original;
      return (
        <RowActions
          row={row}
          status={meta.shown(row)}
          onStatus={(status) => meta.save(row, status)}
          onView={(from) => meta.view(row, from)}
        />
      );
    },
  }),
];

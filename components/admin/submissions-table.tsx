"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { statuses, type Status } from "@/lib/integrations/status";
import type { ListPage } from "@/lib/integrations/list-query";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import { STATUS_LABELS } from "@/lib/integrations/status";
import { CONNECTION_SHORT } from "@/lib/integrations/connection-status";
import { ConnectionBadge } from "@/components/integrations/connection-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { stacked } from "@/components/ui/stacked-table";
import { ADMIN_PAGE_SIZE } from "./page-size";
import { StatusCell } from "./status-cell";
import { updateStatus } from "./update-status";
import { filterParams, useUrlState } from "./use-url-state";

const SORTABLE = new Set(["submittedAt", "updatedAt", "status", "integrationName", "userEmail"]);
const PAGE_SIZES = [25, 50, 100, 250];
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const number = new Intl.NumberFormat("en-US");
const column = createColumnHelper<IntegrationDto>();

/** What the status cells need from the table that holds them (its TanStack `meta`). */
interface StatusMeta {
  shown: (row: IntegrationDto) => Status;
  save: (row: IntegrationDto, status: Status) => Promise<boolean>;
}

// Defined once: cells are components, and a column rebuilt on each render would remount every
// cell (a status select would lose its draft and the keyboard focus). Changing state reaches
// the cells through the table's meta instead.
const columns = [
  column.display({
    id: "select",
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all rows on this page"
        checked={table.getIsAllRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="size-4 max-md:size-6"
        aria-label={`Select #${row.original.id}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor("id", {
    header: "ID",
    cell: (c) => (
      <Link href={`/admin/${c.getValue()}`} className="font-medium text-link hover:underline">
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
      const meta = c.table.options.meta as StatusMeta;
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
];

/** A cell's column name, shown before it when rows stack as cards (the select column's header is a checkbox). */
const cellLabel = (header: unknown) => (typeof header === "string" ? header : "Select");

export function SubmissionsTable({ page }: { page: ListPage }) {
  const router = useRouter();
  const { params, set, pending } = useUrlState();
  // Keyed by id@updatedAt: a change shows at once, and gives way to the server's row as soon as
  // a refresh brings a newer one. `written` marks rows whose updatedAt predates our own change.
  const [overrides, setOverrides] = useState<Record<string, Status>>({});
  const [written, setWritten] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [confirmingBulk, setConfirmingBulk] = useState(false);
  const [bulkStatus, setBulkStatus] = useState<Status | "">("");
  const [bulkBusy, setBulkBusy] = useState(false);
  const [allMatching, setAllMatching] = useState(false);

  const sortParam = params.get("sort") ?? "-submittedAt";
  const sorting: SortingState = [{ id: sortParam.replace(/^-/, ""), desc: sortParam.startsWith("-") }];
  const limit = Number(params.get("limit") ?? ADMIN_PAGE_SIZE);
  const pageNumber = Math.max(1, Number(params.get("page") ?? 1) || 1);

  /** Applies a status from the table; false when it was refused (the message is shown). */
  async function changeStatus(row: IntegrationDto, status: Status): Promise<boolean> {
    const key = `${row.id}@${row.updatedAt}`;
    setOverrides((o) => ({ ...o, [key]: status }));
    setError(undefined);
    setNotice(undefined);
    // If-Match on what this page showed, unless the last change to it was our own and the
    // refreshed row has not arrived yet (that would be a conflict with ourselves).
    const failure = await updateStatus(row.id, status, written.has(key) ? undefined : row.updatedAt);
    if (failure) {
      setOverrides(({ [key]: _, ...others }) => others);
      setError(`#${row.id}: ${failure}`);
      router.refresh();
      return false;
    }
    setWritten((w) => new Set(w).add(key));
    setNotice(`#${row.id} is now ${STATUS_LABELS[status]}; ${row.userEmail} will get an email about it.`);
    // Counts, the Updated column and the filter's rows follow the change.
    router.refresh();
    return true;
  }

  const table = useReactTable({
    data: page.integrations,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { sorting, rowSelection: selection },
    onRowSelectionChange: setSelection,
    meta: {
      shown: (row) => overrides[`${row.id}@${row.updatedAt}`] ?? row.status,
      save: changeStatus,
    } satisfies StatusMeta,
  });

  const selectedIds = Object.keys(selection)
    .filter((id) => selection[id])
    .map(Number);

  const bulkCount = allMatching ? page.count : selectedIds.length;

  const bulkWhat = `${number.format(bulkCount)} submission${bulkCount === 1 ? "" : "s"}`;

  async function applyBulk() {
    if (!bulkStatus) return;
    setConfirmingBulk(false);
    setBulkBusy(true);
    setError(undefined);
    setNotice(undefined);
    const failures = allMatching ? await applyToMatching(bulkStatus) : await applyToSelected(bulkStatus);
    setBulkBusy(false);
    setSelection({});
    setAllMatching(false);
    if (failures.length) setError(failures.join(" "));
    else setNotice(`${bulkWhat} set to ${STATUS_LABELS[bulkStatus]}; their owners will get an email.`);
    router.refresh();
  }

  async function applyToSelected(status: Status) {
    const failures: string[] = [];
    for (const id of selectedIds) {
      const failure = await updateStatus(id, status);
      if (failure) failures.push(`#${id}: ${failure}`);
    }
    return failures;
  }

  async function applyToMatching(status: Status) {
    const filter = Object.fromEntries(filterParams(params));
    const response = await fetch("/api/integrations/bulk-status", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status, filter }),
    }).catch(() => undefined);
    if (response?.ok) return [];
    const body = (await response?.json().catch(() => ({}))) as
      { error?: string; details?: { message: string }[] } | undefined;
    return [
      body?.details?.[0]?.message
        ? `The filter ${body.details[0].message}.`
        : (body?.error ?? "Could not reach the server."),
    ];
  }

  const first = (pageNumber - 1) * limit + 1;
  return (
    <div className="space-y-3">
      {/* A page of rows is dozens of controls: keyboard users can jump past them. */}
      <a
        href="#pagination"
        className="sr-only focus:not-sr-only focus:inline-block focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-link focus:ring-2 focus:ring-brand-600"
      >
        Skip to pagination
      </a>
      {error ? <Alert>{error}</Alert> : null}
      <p
        role="status"
        className={
          notice
            ? "rounded-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200"
            : "sr-only"
        }
      >
        {notice}
      </p>
      {selectedIds.length > 0 ? (
        // Stays in view while the rows it acts on scroll by.
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg bg-brand-50 px-4 py-2 text-sm shadow-sm ring-1 ring-brand-100">
          <span>
            {allMatching
              ? `All ${number.format(page.count)} matching selected`
              : `${selectedIds.length} selected`}
          </span>
          {!allMatching && table.getIsAllRowsSelected() && page.count > page.integrations.length ? (
            <button
              type="button"
              className="font-semibold text-link underline"
              onClick={() => setAllMatching(true)}
            >
              Select all {number.format(page.count)} matching the filter
            </button>
          ) : null}
          <label className="flex items-center gap-2">
            Set status to
            <select
              value={bulkStatus}
              onChange={(e) => setBulkStatus(e.target.value as Status | "")}
              className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300"
            >
              <option value="">Choose…</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          {/* Every row changed emails its owner: one deliberate confirmation for the lot, in the page. */}
          {confirmingBulk && bulkStatus ? (
            <span
              role="group"
              aria-label="Confirm the bulk change"
              className="flex flex-wrap items-center gap-2"
            >
              <span className="font-medium">
                Set {bulkWhat} to {STATUS_LABELS[bulkStatus]}? Each owner whose request changes gets an email.
              </span>
              <button type="button" className={buttonClass("primary", "py-1")} onClick={applyBulk} autoFocus>
                Yes, set {bulkWhat}
              </button>
              <button
                type="button"
                className={buttonClass("ghost", "py-1")}
                onClick={() => setConfirmingBulk(false)}
              >
                Cancel
              </button>
            </span>
          ) : (
            <button
              type="button"
              className={buttonClass("primary", "py-1")}
              disabled={!bulkStatus || bulkBusy}
              onClick={() => setConfirmingBulk(true)}
            >
              {bulkBusy ? "Applying…" : `Apply to ${number.format(bulkCount)}`}
            </button>
          )}
          <button
            type="button"
            className={buttonClass("ghost", "py-1")}
            onClick={() => {
              setSelection({});
              setAllMatching(false);
            }}
          >
            Clear selection
          </button>
        </div>
      ) : null}
      <div
        className={`relative overflow-x-auto rounded-xl bg-surface shadow-sm ring-1 ring-slate-200 transition-opacity ${pending ? "opacity-60" : ""}`}
        aria-busy={pending}
      >
        {/* Below md each row is a card: the cells stack, each with its column's name before it. */}
        <table className={cn("min-w-full divide-y divide-slate-200 text-sm", stacked.table)}>
          <thead className={cn("bg-slate-50", stacked.head)}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const id = header.column.id;
                  const sorted =
                    sorting[0]?.id === id ? (sorting[0].desc ? "descending" : "ascending") : undefined;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted}
                      className="whitespace-nowrap px-3 py-2 text-left font-semibold text-slate-700"
                    >
                      {SORTABLE.has(id) ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                          onClick={() => set({ sort: sorted === "descending" ? id : `-${id}` })}
                        >
                          {label}
                          <span aria-hidden className="text-xs text-slate-500">
                            {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={cn("divide-y divide-slate-100", stacked.body)}>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={cn("hover:bg-slate-50", stacked.row)}
                aria-selected={row.getIsSelected()}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-label={cellLabel(cell.column.columnDef.header)}
                    className={cn("px-3 py-2 align-top text-slate-700", stacked.cell)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.integrations.length === 0 ? (
          <div className="px-6 py-16 text-center">
            <p className="font-medium text-slate-900">No submissions match</p>
            <p className="mt-1 text-sm text-slate-600">Try other filters, or clear them to see everything.</p>
          </div>
        ) : null}
      </div>
      <nav
        id="pagination"
        tabIndex={-1}
        aria-label="Pagination"
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
      >
        <p aria-live="polite">
          {page.count === 0
            ? "No results"
            : `Showing ${number.format(first)}–${number.format(first + page.integrations.length - 1)} of ${number.format(page.count)}`}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2 whitespace-nowrap">
            Rows per page
            <select
              value={limit}
              onChange={(e) => set({ limit: e.target.value })}
              className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300"
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={buttonClass("secondary", "py-1")}
            disabled={!page.prevCursor}
            onClick={() => set({ cursor: undefined, page: undefined })}
          >
            First
          </button>
          <button
            type="button"
            className={buttonClass("secondary", "py-1")}
            disabled={!page.prevCursor}
            // The page before the second is the first page itself, with a clean URL.
            onClick={() =>
              set(
                pageNumber <= 2
                  ? { cursor: undefined, page: undefined }
                  : { cursor: page.prevCursor ?? undefined, page: String(pageNumber - 1) },
              )
            }
          >
            Previous
          </button>
          <button
            type="button"
            className={buttonClass("secondary", "py-1")}
            disabled={!page.nextCursor}
            onClick={() => set({ cursor: page.nextCursor ?? undefined, page: String(pageNumber + 1) })}
          >
            Next
          </button>
        </div>
      </nav>
    </div>
  );
}

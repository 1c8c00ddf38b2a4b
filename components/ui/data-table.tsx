"use client";

import type { ReactNode } from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type Table,
} from "@tanstack/react-table";
import { cn } from "./cn";
import { Label } from "./label";
import { Select } from "./select";
import { stacked } from "./stacked-table";
import { useMounted } from "./use-mounted";

// What a column may say about itself to the shell (TanStack's `meta`).
declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Its name where the header is not text (a checkbox) or says too little: a card's line label. */
    label?: string;
    /** Extra classes for its cells. */
    cell?: string;
  }
}

/** Sorting is the server's: the shell shows the order and asks for another. */
export interface ServerSort {
  /** The column the list is ordered by, and which way. */
  by?: { id: string; descending: boolean };
  sortable: ReadonlySet<string>;
  onSort: (id: string, descending: boolean) => void;
}

/**
 * The table every list of the app is drawn with (the shadcn data-table shape): a TanStack table
 * in, headers that sort on the server, rows that turn into cards below 768 px, a header that
 * stays in view while the rows scroll, and what to say when there are no rows.
 */
export function DataTable<T>({
  table,
  sort,
  empty,
  label,
  scrollBox = false,
}: {
  table: Table<T>;
  sort?: ServerSort;
  empty: ReactNode;
  label?: string;
  /** Rows scroll inside the table's own box, under a header that stays (long pages of rows). */
  scrollBox?: boolean;
}) {
  const rows = table.getRowModel().rows;
  // Sorting is off until React has hydrated: a click or a choice before then would be lost.
  const ready = useMounted();
  return (
    // relative: the sr-only header labels are positioned absolutely and would escape the box.
    <div
      className={cn(
        "relative overflow-x-auto",
        scrollBox && "md:max-h-[calc(100vh-9rem)] md:overflow-y-auto",
      )}
    >
      {sort ? <CardSort table={table} sort={sort} disabled={!ready} /> : null}
      <table aria-label={label} className={cn("min-w-full divide-y divide-slate-200 text-sm", stacked.table)}>
        <thead
          className={cn(
            "bg-slate-50 text-left text-slate-700",
            scrollBox && "md:sticky md:top-0 md:z-[1]",
            stacked.head,
          )}
        >
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const sorted =
                  sort?.by?.id === id ? (sort.by.descending ? "descending" : "ascending") : undefined;
                const title = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted}
                    className="bg-slate-50 px-3 py-2 font-semibold whitespace-nowrap"
                  >
                    {sort?.sortable.has(id) ? (
                      <button
                        type="button"
                        disabled={!ready}
                        className="inline-flex items-center gap-1 hover:text-slate-900"
                        onClick={() => sort.onSort(id, sorted !== "descending")}
                      >
                        {title}
                        <span aria-hidden className="text-xs text-slate-600">
                          {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={cn("divide-y divide-slate-100", stacked.body)}>
          {rows.map((row) => (
            <tr
              key={row.id}
              className={cn("align-top hover:bg-slate-50", stacked.row)}
              aria-selected={row.getCanSelect() ? row.getIsSelected() : undefined}
            >
              {row.getVisibleCells().map((cell) => {
                const { header, meta } = cell.column.columnDef;
                return (
                  <td
                    key={cell.id}
                    data-label={meta?.label ?? (typeof header === "string" ? header : "")}
                    className={cn("px-3 py-2 text-slate-700", meta?.cell, stacked.cell)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? empty : null}
    </div>
  );
}

/**
 * On a phone the header, and with it its sort buttons, is only for screen readers: the cards get
 * the same choice as one select above them.
 */
function CardSort<T>({ table, sort, disabled }: { table: Table<T>; sort: ServerSort; disabled: boolean }) {
  const choices = table
    .getAllLeafColumns()
    .filter((column) => sort.sortable.has(column.id))
    .map(({ id, columnDef: { header, meta } }) => ({
      id,
      name: meta?.label ?? (typeof header === "string" ? header : id),
    }));
  const value = sort.by ? `${sort.by.descending ? "-" : ""}${sort.by.id}` : "";
  return (
    <div className="px-4 pt-3 md:hidden">
      <Label size="sm" htmlFor="card-sort">
        Sort by
      </Label>
      <Select
        id="card-sort"
        className="mt-1 w-full"
        value={value}
        // Off until React has hydrated: an order picked before then would show but never be asked for.
        disabled={disabled}
        onChange={(e) => sort.onSort(e.target.value.replace(/^-/, ""), e.target.value.startsWith("-"))}
      >
        {value === "" ? <option value="">Default order</option> : null}
        {choices.flatMap(({ id, name }) => [
          <option key={`-${id}`} value={`-${id}`}>
            {name}, descending
          </option>,
          <option key={id} value={id}>
            {name}, ascending
          </option>,
        ])}
      </Select>
    </div>
  );
}

/** A list to read, not to work on (no selection, no sorting): the rows and their columns. */
export function ReadOnlyTable<T>({
  rows,
  columns,
  label,
  empty,
}: {
  rows: T[];
  // TanStack's own column type: each column has its own value type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  label: string;
  empty: string;
}) {
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: false,
  });
  return (
    <DataTable
      table={table}
      label={label}
      empty={<p className="px-4 py-10 text-center text-sm text-slate-500">{empty}</p>}
    />
  );
}

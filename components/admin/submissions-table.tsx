"use client";

import { useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { getCoreRowModel, useReactTable, type RowSelectionState } from "@tanstack/react-table";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ListPage } from "@/lib/integrations/list-query";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import { STATUS_LABELS, type Status } from "@/lib/integrations/status";
import { Alert } from "@/components/ui/alert";
import { cardClass } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { BulkBar } from "./bulk-bar";
import { ADMIN_PAGE_SIZE } from "./page-size";
import { Pagination } from "./pagination";
import { SORTABLE, submissionColumns, type SubmissionsMeta } from "./submission-columns";
import { updateStatus } from "./update-status";
import { filterParams, useUrlState } from "./use-url-state";
import { useStatusEdits } from "./use-status-edits";
import { leadClass } from "@/components/ui/typography";

const number = new Intl.NumberFormat("en-US");

// Loaded when first opened: most visits never open a quick view, and the page loads lighter.
const SubmissionSheet = dynamic(() => import("./submission-sheet").then((m) => m.SubmissionSheet));

/** The admin's list: the server's page of rows, worked on in place (status, bulk, quick view). */
export function SubmissionsTable({ page }: { page: ListPage }) {
  const router = useRouter();
  const { params, set, pending } = useUrlState();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  // The row in the quick view, and the control that opened it: the focus goes back there after
  // the sheet has closed, so it is kept past the close.
  const [viewing, setViewing] = useState<IntegrationDto>();
  const [viewedFrom, setViewedFrom] = useState<HTMLElement | null>(null);
  const edits = useStatusEdits({ error: setError, notice: setNotice });
  // A change's confirmation takes the focus, so it is what a screen reader says next and where
  // the keyboard goes on from (the controls that made it may be gone: the bulk bar, a dialog).
  // (An inline change keeps the focus in its row, where the keyboard user is working.)
  const noticeBox = useRef<HTMLParagraphElement>(null);
  const focusNotice = useRef(false);
  useEffect(() => {
    if (notice && focusNotice.current) noticeBox.current?.focus();
    focusNotice.current = false;
  }, [notice]);

  const sortParam = params.get("sort") ?? "-submittedAt";
  const limit = Number(params.get("limit") ?? ADMIN_PAGE_SIZE);
  const pageNumber = Math.max(1, Number(params.get("page") ?? 1) || 1);

  const table = useReactTable({
    data: page.integrations,
    columns: submissionColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
    meta: {
      ...edits,
      view: (row, from) => {
        setViewing(row);
        setViewedFrom(from);
      },
    } satisfies SubmissionsMeta,
  });

  const selectedIds = Object.keys(selection)
    .filter((id) => selection[id])
    .map(Number);

  async function applyBulk(status: Status) {
    setError(undefined);
    setNotice(undefined);
    const count = allMatching ? page.count : selectedIds.length;
    const failures = allMatching ? await applyToMatching(status) : await applyToSelected(status);
    setSelection({});
    setAllMatching(false);
    focusNotice.current = true;
    if (failures.length) setError(failures.join(" "));
    else
      setNotice(
        `${number.format(count)} submission${count === 1 ? "" : "s"} set to ${STATUS_LABELS[status]}; their owners will get an email.`,
      );
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
    const sent = await apiFetch("/api/integrations/bulk-status", {
      method: "POST",
      body: { status, filter },
    });
    if (sent.ok) return [];
    return [sent.details[0] ? `The filter ${sent.details[0].message}.` : sent.error];
  }

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
        ref={noticeBox}
        tabIndex={-1}
        role="status"
        className={
          notice
            ? "rounded-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200 focus:outline-none"
            : "sr-only"
        }
      >
        {notice}
      </p>
      {selectedIds.length > 0 ? (
        <BulkBar
          selected={selectedIds.length}
          allMatching={allMatching}
          total={page.count}
          offerAll={table.getIsAllRowsSelected() && page.count > page.integrations.length}
          onSelectAll={() => setAllMatching(true)}
          onClear={() => {
            setSelection({});
            setAllMatching(false);
          }}
          onApply={applyBulk}
        />
      ) : null}
      <div
        className={cardClass({ padding: "none" }, cn("transition-opacity", pending && "opacity-60"))}
        aria-busy={pending}
      >
        <DataTable
          table={table}
          label="Submissions"
          scrollBox
          sort={{
            by: { id: sortParam.replace(/^-/, ""), descending: sortParam.startsWith("-") },
            sortable: SORTABLE,
            onSort: (id, descending) => set({ sort: descending ? `-${id}` : id }),
          }}
          empty={
            <div className="px-6 py-16 text-center">
              <p className="font-medium text-slate-900">No submissions match</p>
              <p className={leadClass()}>Try other filters, or clear them to see everything.</p>
            </div>
          }
        />
      </div>
      <Pagination page={page} limit={limit} pageNumber={pageNumber} set={set} />
      <SubmissionSheet integration={viewing} returnFocus={viewedFrom} onClose={() => setViewing(undefined)} />
    </div>
  );
}

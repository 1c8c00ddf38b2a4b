"use client";

import { useState } from "react";
import { STATUS_LABELS, statuses, type Status } from "@/lib/integrations/status";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import dynamic from "next/dynamic";

const number = new Intl.NumberFormat("en-US");

// Loaded with the bar (a selection), not with the page.
const ConfirmDialog = dynamic(() => import("@/components/ui/alert-dialog").then((m) => m.ConfirmDialog));

/**
 * What the selected rows can have done to them: a status for all of them, confirmed in a dialog
 * that names how many (each one emails its owner). It stays in view while the rows scroll by.
 */
export function BulkBar({
  selected,
  allMatching,
  total,
  offerAll,
  onSelectAll,
  onClear,
  onApply,
}: {
  /** Rows selected on this page. */
  selected: number;
  /** Every row matching the filter is selected, on every page. */
  allMatching: boolean;
  total: number;
  /** The whole page is selected and there is more than this page. */
  offerAll: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onApply: (status: Status) => Promise<void>;
}) {
  const [status, setStatus] = useState<Status | "">("");
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = allMatching ? total : selected;
  const what = `${number.format(count)} submission${count === 1 ? "" : "s"}`;

  async function apply() {
    if (!status) return;
    setBusy(true);
    await onApply(status);
    setBusy(false);
  }

  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg bg-brand-50 px-4 py-2 text-sm shadow-sm ring-1 ring-brand-100">
      <span>{allMatching ? `All ${number.format(total)} matching selected` : `${selected} selected`}</span>
      {!allMatching && offerAll ? (
        <button
          type="button"
          className="font-semibold text-link underline max-md:min-h-11"
          onClick={onSelectAll}
        >
          Select all {number.format(total)} matching the filter
        </button>
      ) : null}
      <label className="flex items-center gap-2">
        Set status to
        <Select size="sm" value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
          <option value="">Choose…</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </label>
      <button
        type="button"
        className={buttonClass("primary", "py-1")}
        disabled={!status || busy}
        onClick={() => setAsking(true)}
      >
        {busy ? "Applying…" : `Apply to ${number.format(count)}`}
      </button>
      <button type="button" className={buttonClass("ghost", "py-1")} onClick={onClear}>
        Clear selection
      </button>
      {status ? (
        <ConfirmDialog
          open={asking}
          onOpenChange={setAsking}
          title={`Set ${what} to ${STATUS_LABELS[status]}?`}
          description="Each owner whose request changes gets an email."
          action={`Yes, set ${what}`}
          onAction={apply}
        />
      ) : null}
    </div>
  );
}

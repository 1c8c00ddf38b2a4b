"use client";

import { useEffect, useRef, useState } from "react";
import { statuses, type Status } from "@/lib/integrations/status";
import { STATUS_LABELS } from "@/lib/integrations/status";
import { buttonClass } from "@/components/ui/button";
import { useMounted } from "@/components/ui/use-mounted";

/**
 * A row's status in the admin table. Choosing another status only drafts it; Save (or Enter)
 * applies it. A change emails the owner, and a closed select changes with every arrow key, so
 * a keyboard user passing through must not send anything.
 */
export function StatusCell({
  id,
  shown,
  onSave,
}: {
  id: number;
  shown: Status;
  onSave: (status: Status) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<Status>(shown);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => setDraft(shown), [shown]);
  const dirty = draft !== shown;
  // Off until React has hydrated: a status picked before then shows but never reaches React.
  const ready = useMounted();

  async function save() {
    setBusy(true);
    const saved = await onSave(draft);
    setBusy(false);
    if (!saved) setDraft(shown);
    select.current?.focus();
  }

  return (
    <div className="flex items-center gap-1">
      <select
        ref={select}
        aria-label={`Status of #${id}`}
        value={draft}
        // Not disabled while saving: a disabled select drops focus, and focus stays here.
        aria-busy={busy}
        disabled={!ready}
        onChange={(e) => setDraft(e.target.value as Status)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && dirty) {
            e.preventDefault();
            void save();
          } else if (e.key === "Escape" && dirty) {
            setDraft(shown);
          }
        }}
        className={`rounded-md border-0 bg-surface py-1 max-md:min-h-11 pl-2 pr-7 text-sm ring-1 ring-inset focus:ring-2 focus:ring-brand-600 ${dirty ? "ring-brand-600" : "ring-slate-300"}`}
      >
        {statuses.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {dirty ? (
        <>
          <button
            type="button"
            className={buttonClass("primary", "px-2 py-1")}
            disabled={busy}
            onClick={save}
            aria-label={`Save status of #${id}`}
          >
            Save
          </button>
          <button
            type="button"
            className={buttonClass("ghost", "px-2 py-1")}
            disabled={busy}
            onClick={() => setDraft(shown)}
            aria-label={`Keep the status of #${id}`}
          >
            Cancel
          </button>
        </>
      ) : null}
    </div>
  );
}

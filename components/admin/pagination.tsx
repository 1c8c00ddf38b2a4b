"use client";

import type { ListPage } from "@/lib/integrations/list-query";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useMounted } from "@/components/ui/use-mounted";

const PAGE_SIZES = [25, 50, 100, 250];
const number = new Intl.NumberFormat("en-US");

/**
 * Where the page is in the list, and the way to the others: keyset cursors forward and back
 * (the page number is only for the "Showing" line), and the page size.
 */
export function Pagination({
  page,
  limit,
  pageNumber,
  set,
}: {
  page: ListPage;
  limit: number;
  pageNumber: number;
  set: (patch: Record<string, string | undefined>) => void;
}) {
  const first = (pageNumber - 1) * limit + 1;
  // Until the page is interactive the buttons are off: a click before then would do nothing.
  const ready = useMounted();
  return (
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
          <Select size="sm" value={limit} disabled={!ready} onChange={(e) => set({ limit: e.target.value })}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </label>
        <button
          type="button"
          className={buttonClass("secondary", "py-1")}
          disabled={!ready || !page.prevCursor}
          onClick={() => set({ cursor: undefined, page: undefined })}
        >
          First
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "py-1")}
          disabled={!ready || !page.prevCursor}
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
          disabled={!ready || !page.nextCursor}
          onClick={() => set({ cursor: page.nextCursor ?? undefined, page: String(pageNumber + 1) })}
        >
          Next
        </button>
      </div>
    </nav>
  );
}

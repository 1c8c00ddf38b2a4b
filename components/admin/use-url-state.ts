"use client";

import { useCallback, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** The URL parameters that choose which rows match (the export and bulk status reuse them). */
export const FILTER_KEYS = ["q", "status", "type", "from", "to", "connection"];

/** The current filters and sort, as export and bulk status take them. */
export function filterParams(params: URLSearchParams): [string, string][] {
  return [...params].filter(([key]) => FILTER_KEYS.includes(key) || key === "sort");
}

// Paging position; any other change (filter, sort, page size) starts again from the first page.
const POSITION = ["cursor", "page"];

/** The table's state lives in the URL: shareable, and back/forward just work. */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(params);
      const movesPage = Object.keys(patch).every((key) => POSITION.includes(key));
      if (!movesPage) POSITION.forEach((key) => next.delete(key));
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [params, pathname, router],
  );

  return { params, set, pending };
}

"use client";

import { useCallback, useTransition } from "react";
import { useSearchParams } from "next/navigation";
import { parseAsString, useQueryStates } from "nuqs";

/** The URL parameters that choose which rows match (the export and bulk status reuse them). */
export const FILTER_KEYS = ["q", "status", "type", "from", "to", "connection"];

/** The current filters and sort, as export and bulk status take them. */
export function filterParams(params: URLSearchParams): [string, string][] {
  return [...params].filter(([key]) => FILTER_KEYS.includes(key) || key === "sort");
}

// Paging position; any other change (filter, sort, page size) starts again from the first page.
const POSITION = ["cursor", "page"];

// Every parameter the admin list reads, as plain strings: the server parses and checks them with
// the API's own schema (listQuery), so the client only carries them.
const KEYS = [...FILTER_KEYS, "sort", "limit", "userId", ...POSITION];
const parsers = Object.fromEntries(KEYS.map((key) => [key, parseAsString]));

/** The table's state lives in the URL (nuqs): shareable, and back/forward just work. */
export function useUrlState() {
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  // Not shallow: the page is rendered by the server from the URL.
  const [, setQuery] = useQueryStates(parsers, {
    shallow: false,
    history: "push",
    scroll: false,
    startTransition,
  });

  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const movesPage = Object.keys(patch).every((key) => POSITION.includes(key));
      const reset = movesPage ? {} : Object.fromEntries(POSITION.map((key) => [key, null]));
      const next = Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, value || null]));
      void setQuery({ ...reset, ...next });
    },
    [setQuery],
  );

  return { params, set, pending };
}

"use client";

import { useEffect, type ReactNode } from "react";
import { Alert } from "./alert";

/**
 * A confirmation that came with a query flag (?created=1): shown once, then the flag leaves
 * the address bar, so a reload or a bookmark does not claim the save again.
 */
export function OnceAlert({ flag, children }: { flag: string; children: ReactNode }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(flag)) return;
    url.searchParams.delete(flag);
    window.history.replaceState(window.history.state, "", url);
  }, [flag]);
  return <Alert tone="success">{children}</Alert>;
}

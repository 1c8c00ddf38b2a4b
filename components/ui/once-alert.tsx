"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Alert } from "./alert";

/**
 * A confirmation that came with a query flag (?created=1): shown once, then the flag leaves
 * the address bar, so a reload or a bookmark does not claim the save again. It takes the focus,
 * so keyboard and screen reader users land on what just happened, not at the top of the page.
 */
export function OnceAlert({ flag, children }: { flag: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(flag)) return;
    url.searchParams.delete(flag);
    window.history.replaceState(window.history.state, "", url);
    box.current?.focus();
  }, [flag]);
  return (
    <div ref={box} tabIndex={-1} className="focus:outline-none">
      <Alert tone="success">{children}</Alert>
    </div>
  );
}

"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { CopyButton } from "./copy-button";

/** A secret just made (a key, a signing secret): shown here once, with the focus on it. */
export function OneTimeSecret({
  secret,
  title,
  usage,
  copyLabel,
  onDone,
}: {
  secret: string;
  title: string;
  usage: ReactNode;
  copyLabel: string;
  onDone: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), [secret]);
  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="status"
      className="space-y-3 rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200 focus:outline-none"
    >
      <p className="font-semibold text-emerald-900">{title}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-secret"
          className="min-w-0 flex-1 rounded-md bg-surface px-3 py-2 font-mono text-sm break-all ring-1 ring-emerald-200"
        >
          {secret}
        </code>
        <CopyButton value={secret} label={copyLabel} />
      </div>
      <p className="text-sm text-emerald-900">{usage}</p>
      <Button variant="secondary" onClick={onDone}>
        I have stored it
      </Button>
    </div>
  );
}

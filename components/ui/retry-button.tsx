"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import { Button } from "./button";

/** "Retry" for something queued (an email, a webhook delivery): POSTs `path`, says what came of it. */
export function RetryButton({ path }: { path: string }) {
  const router = useRouter();
  const [state, setState] = useState<
    { kind: "idle" | "busy" | "queued" } | { kind: "error"; message: string }
  >({
    kind: "idle",
  });
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        className="py-1"
        disabled={state.kind === "busy"}
        onClick={async () => {
          setState({ kind: "busy" });
          const sent = await apiFetch(path, { method: "POST" });
          setState(sent.ok ? { kind: "queued" } : { kind: "error", message: sent.error });
          router.refresh();
        }}
      >
        {state.kind === "busy" ? "Queuing…" : "Retry"}
      </Button>
      {state.kind === "queued" ? (
        <span role="status" className="text-xs text-slate-600">
          Queued again
        </span>
      ) : null}
      {state.kind === "error" ? (
        <span role="alert" className="text-xs text-red-600">
          Could not queue it again: {state.message}
        </span>
      ) : null}
    </span>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-fetch";

export function RetryEmailButton({ id }: { id: number }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        className="py-1"
        disabled={state === "busy"}
        onClick={async () => {
          setState("busy");
          const sent = await apiFetch(`/api/admin/emails/${id}/retry`, { method: "POST" });
          setState(sent.ok ? "idle" : "error");
          router.refresh();
        }}
      >
        {state === "busy" ? "Queuing…" : "Retry"}
      </Button>
      {state === "error" ? (
        <span role="alert" className="text-xs text-red-600">
          Could not queue it again.
        </span>
      ) : null}
    </span>
  );
}

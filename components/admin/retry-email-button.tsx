"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

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
          const response = await fetch(`/api/admin/emails/${id}/retry`, { method: "POST" }).catch(
            () => undefined,
          );
          setState(response?.ok ? "idle" : "error");
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

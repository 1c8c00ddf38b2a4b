"use client";

import { useState } from "react";
import { signOut } from "@/lib/client/auth-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-fetch";

/** Ends every session and token of the person, this browser's too (POST /api/auth/revoke). */
export function SignOutEverywhere() {
  const [state, setState] = useState<"idle" | "confirm" | "busy">("idle");
  const [error, setError] = useState<string>();
  if (state === "idle") {
    return (
      <Button variant="secondary" onClick={() => setState("confirm")}>
        Sign out everywhere
      </Button>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        Every browser and every token signed in as you stops working now, this one included. API keys keep
        working.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={state === "busy"}
          onClick={async () => {
            setState("busy");
            const sent = await apiFetch("/api/auth/revoke", { method: "POST" });
            if (sent.ok) return signOut({ callbackUrl: "/signin" });
            setError(sent.error);
            setState("confirm");
          }}
        >
          {state === "busy" ? "Signing out…" : "Yes, sign out everywhere"}
        </Button>
        <Button variant="ghost" disabled={state === "busy"} onClick={() => setState("idle")}>
          Cancel
        </Button>
      </div>
      <FormError message={error} />
    </div>
  );
}

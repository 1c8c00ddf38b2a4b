"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-fetch";

type Action = "revoke" | "disable" | "enable";

const CONFIRM: Record<Action, { ask: string; yes: string }> = {
  revoke: { ask: "Every session and token of this person stops working now.", yes: "Yes, sign them out" },
  disable: { ask: "They can no longer sign in or use the API; their sessions end now.", yes: "Yes, disable" },
  enable: { ask: "They can sign in again (old sessions stay ended).", yes: "Yes, enable" },
};

/** Sign a person out everywhere, or disable / enable them, each confirmed inline. */
export function UserActions({
  id,
  email,
  disabled,
  self,
}: {
  id: number;
  email: string;
  disabled: boolean;
  self: boolean;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  async function run(action: Action) {
    setBusy(true);
    const sent =
      action === "revoke"
        ? await apiFetch<{ message: string }>(`/api/admin/users/${id}/revoke`, { method: "POST" })
        : await apiFetch<{ message: string }>(`/api/admin/users/${id}`, {
            method: "PATCH",
            body: { disabled: action === "disable" },
          });
    setBusy(false);
    setAsking(undefined);
    if (!sent.ok) return setError(sent.error);
    setError(undefined);
    setDone(sent.body.message);
    router.refresh();
  }

  if (asking) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">{CONFIRM[asking].ask}</p>
        <div className="flex flex-wrap gap-2">
          <Button disabled={busy} onClick={() => run(asking)}>
            {CONFIRM[asking].yes}
          </Button>
          <Button variant="ghost" disabled={busy} onClick={() => setAsking(undefined)}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }
  const toggle: Action = disabled ? "enable" : "disable";
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => setAsking("revoke")}
          aria-label={`Sign out ${email} everywhere`}
        >
          Sign out everywhere
        </Button>
        {self ? null : (
          <Button
            variant="secondary"
            onClick={() => setAsking(toggle)}
            aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
          >
            {disabled ? "Enable" : "Disable"}
          </Button>
        )}
      </div>
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
      <FormError message={error} />
    </div>
  );
}

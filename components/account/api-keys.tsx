"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiKeyView } from "@/lib/auth/api-keys";
import { KeyRow } from "./key-row";
import { NewKeyForm } from "./new-key-form";

/** The secret of a key just made or rotated: shown here once, never again. */
function NewSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), [secret]);
  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="status"
      className="space-y-3 rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200 focus:outline-none"
    >
      <p className="font-semibold text-emerald-900">
        Copy this key now. It is shown only once; we keep just a hash of it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-secret"
          className="min-w-0 flex-1 rounded-md bg-surface px-3 py-2 font-mono text-sm break-all ring-1 ring-emerald-200"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="Copy the new key" />
      </div>
      <p className="text-sm text-emerald-900">
        Send it as <code className="font-mono">Authorization: Bearer {secret.slice(0, 8)}…</code> on any
        /api/integrations route.
      </p>
      <Button variant="secondary" onClick={onDone}>
        I have stored it
      </Button>
    </div>
  );
}

export function ApiKeys({ keys, canGrantAdmin }: { keys: ApiKeyView[]; canGrantAdmin: boolean }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string>();
  const refresh = () => router.refresh();
  return (
    <div className="space-y-4">
      {secret ? <NewSecret secret={secret} onDone={() => setSecret(undefined)} /> : null}
      {keys.length ? (
        <ul className="space-y-3" aria-label="API keys">
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} onRotated={setSecret} onChanged={refresh} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No keys yet.</p>
      )}
      <NewKeyForm
        canGrantAdmin={canGrantAdmin}
        onCreated={(created) => {
          setSecret(created);
          refresh();
        }}
      />
    </div>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import type { ApiKeyView } from "@/lib/auth/api-keys";
import { KeyRow } from "./key-row";
import { NewKeyForm } from "./new-key-form";

export function ApiKeys({ keys, canGrantAdmin }: { keys: ApiKeyView[]; canGrantAdmin: boolean }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string>();
  const refresh = () => router.refresh();
  return (
    <div className="space-y-4">
      {secret ? (
        <OneTimeSecret
          secret={secret}
          title="Copy this key now. It is shown only once; we keep just a hash of it."
          usage={
            <>
              Send it as <code className="font-mono">Authorization: Bearer {secret.slice(0, 8)}…</code> on any
              /api/integrations route.
            </>
          }
          copyLabel="Copy the new key"
          onDone={() => setSecret(undefined)}
        />
      ) : null}
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

"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Timestamp } from "@/components/integrations/relative-time";
import type { ApiKeyView } from "@/lib/auth/api-keys";
import { apiFetch, type ApiRequest } from "@/lib/client/api-fetch";
import { cardClass } from "@/components/ui/card";
import { spreadRowClass } from "@/components/ui/typography";

const GRACES = [
  { label: "Stop the old secret now", seconds: 0 },
  { label: "Keep it working 1 hour", seconds: 3_600 },
  { label: "Keep it working 24 hours", seconds: 86_400 },
] as const;

type Asking = "idle" | "rotate" | "revoke" | "busy";

/** One key: what it is, when it was last used, and rotate or revoke, each confirmed inline. */
export function KeyRow({
  apiKey,
  onRotated,
  onChanged,
}: {
  apiKey: ApiKeyView;
  onRotated: (secret: string) => void;
  onChanged: () => void;
}) {
  const [asking, setAsking] = useState<Asking>("idle");
  const [grace, setGrace] = useState(0);
  const [error, setError] = useState<string>();
  const expired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt).getTime() <= Date.now();

  async function act(path: string, request: ApiRequest) {
    setAsking("busy");
    const sent = await apiFetch<{ secret?: string }>(path, request);
    setAsking("idle");
    if (!sent.ok) return setError(sent.error);
    setError(undefined);
    if (sent.body.secret) onRotated(sent.body.secret);
    onChanged();
  }

  return (
    <li className={cardClass({ padding: "sm" })}>
      <div className={spreadRowClass()}>
        <h3 className="font-semibold [overflow-wrap:anywhere]">{apiKey.name}</h3>
        <code className="font-mono text-sm text-slate-600">{apiKey.prefix}</code>
      </div>
      {apiKey.userEmail ? <p className="text-sm text-slate-600">Owner: {apiKey.userEmail}</p> : null}
      <ul aria-label="Scopes" className="mt-2 flex flex-wrap gap-1.5">
        {apiKey.scopes.map((scope) => (
          <li key={scope} className="rounded-full bg-slate-100 px-2.5 py-1 font-mono text-xs text-slate-800">
            {scope}
          </li>
        ))}
      </ul>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-3">
        <div>
          <dt className="inline">Created </dt>
          <dd className="inline">
            <Timestamp iso={apiKey.createdAt} />
          </dd>
        </div>
        <div>
          <dt className="inline">{expired ? "Expired " : "Expires "}</dt>
          <dd className={`inline ${expired ? "font-medium text-red-700" : ""}`}>
            {apiKey.expiresAt ? <Timestamp iso={apiKey.expiresAt} /> : "never"}
          </dd>
        </div>
        <div>
          <dt className="inline">Last used </dt>
          <dd className="inline">
            {apiKey.lastUsedAt ? (
              <>
                <Timestamp iso={apiKey.lastUsedAt} /> from {apiKey.lastUsedIp}
              </>
            ) : (
              "never"
            )}
          </dd>
        </div>
      </dl>
      {asking === "rotate" ? (
        <fieldset className="mt-3 space-y-2">
          <legend className="text-sm font-medium">A new secret replaces this one. The old secret:</legend>
          {GRACES.map(({ label, seconds }) => (
            <label key={seconds} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="radio"
                name={`grace-${apiKey.id}`}
                className="size-5 accent-brand-600"
                checked={grace === seconds}
                onChange={() => setGrace(seconds)}
              />
              {label}
            </label>
          ))}
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() =>
                act(`/api/keys/${apiKey.id}/rotate`, { method: "POST", body: { graceSeconds: grace } })
              }
            >
              Rotate
            </Button>
            <Button variant="ghost" onClick={() => setAsking("idle")}>
              Cancel
            </Button>
          </div>
        </fieldset>
      ) : asking === "revoke" ? (
        <div className="mt-3 space-y-2">
          <p className="text-sm text-slate-700">
            Every request with this key fails from now on. This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => act(`/api/keys/${apiKey.id}`, { method: "DELETE" })}>
              Yes, revoke {apiKey.name}
            </Button>
            <Button variant="ghost" onClick={() => setAsking("idle")}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={asking === "busy"}
            onClick={() => setAsking("rotate")}
            aria-label={`Rotate ${apiKey.name}`}
          >
            Rotate
          </Button>
          <Button
            variant="secondary"
            disabled={asking === "busy"}
            onClick={() => setAsking("revoke")}
            aria-label={`Revoke ${apiKey.name}`}
          >
            Revoke
          </Button>
        </div>
      )}
      <FormError message={error} className="mt-2" />
    </li>
  );
}

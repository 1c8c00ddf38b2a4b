"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import { linkClass } from "@/components/ui/typography";

/** Masked data with a per-field reveal: each reveal asks the API (which records it) for the real value. */
/** `labels`: field names to the labels the form shows; the stored name stays visible beside it. */
export function RevealData({
  id,
  data,
  labels = {},
}: {
  id: number;
  data: Record<string, unknown>;
  labels?: Record<string, string>;
}) {
  const router = useRouter();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  async function reveal(key: string) {
    setError(undefined);
    // The header marks a request from our own page (lib/auth/require-user.ts, requireDeliberate).
    const sent = await apiFetch<{ integration: { data: Record<string, unknown> } }>(
      `/api/integrations/${id}?reveal=true`,
      { headers: { "x-requested-with": "fetch" } },
    );
    if (!sent.ok) {
      setError(`Could not reveal the value: ${sent.error}`);
      return;
    }
    const value = sent.body.integration.data[key];
    setRevealed((r) => ({ ...r, [key]: typeof value === "string" ? value : JSON.stringify(value) }));
    // The reveal is in the history now: show it there at once (revealed values stay shown).
    router.refresh();
  }

  const entries = Object.entries(data);
  if (entries.length === 0) return <p className="text-sm text-slate-500">No data.</p>;
  return (
    <div>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <dl className="divide-y divide-slate-100">
        {entries.map(([key, value]) => {
          const shown = typeof value === "string" ? value : JSON.stringify(value);
          const masked = shown.includes("••••");
          return (
            <div key={key} className="grid items-center gap-1 py-2 sm:grid-cols-[10rem_1fr_auto]">
              <dt className="text-sm text-slate-500 [overflow-wrap:anywhere]">
                {labels[key] ?? key}
                {labels[key] ? <span className="block font-mono text-xs text-slate-500">{key}</span> : null}
              </dt>
              <dd className="break-all font-mono text-sm text-slate-900">{revealed[key] ?? shown}</dd>
              <dd>
                {masked ? (
                  revealed[key] === undefined ? (
                    <button
                      type="button"
                      className={linkClass({ size: "xs", standalone: true })}
                      aria-label={`Reveal ${labels[key] ?? key}`}
                      onClick={() => reveal(key)}
                    >
                      Reveal
                    </button>
                  ) : (
                    <button
                      type="button"
                      className={linkClass(
                        { size: "xs", standalone: true },
                        "text-slate-600 hover:text-slate-900",
                      )}
                      aria-label={`Hide ${labels[key] ?? key}`}
                      onClick={() => setRevealed(({ [key]: _, ...rest }) => rest)}
                    >
                      Hide
                    </button>
                  )
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-2 text-xs text-slate-500">Every reveal is recorded in the history.</p>
    </div>
  );
}

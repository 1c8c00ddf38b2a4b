"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { apiScopes, scopeDescriptions, type ApiScope } from "@/lib/auth/scopes";
import { apiFetch } from "@/lib/client/api-fetch";
import { cardClass } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Label } from "@/components/ui/label";
import { Checkbox } from "@/components/ui/checkbox";

const DAY_MS = 86_400_000;
const LIFETIMES = [
  { label: "Never expires", days: 0 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

/** Creates a key (POST /api/keys) and hands its one-time secret up. */
export function NewKeyForm({
  canGrantAdmin,
  onCreated,
}: {
  canGrantAdmin: boolean;
  onCreated: (secret: string) => void;
}) {
  const [scopes, setScopes] = useState<ApiScope[]>(["integrations:read"]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const offered = apiScopes.filter((scope) => scope !== "admin" || canGrantAdmin);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = Number(data.get("lifetime"));
    setBusy(true);
    const sent = await apiFetch<{ secret: string }>("/api/keys", {
      method: "POST",
      body: {
        name: String(data.get("name") ?? ""),
        scopes,
        expiresAt: days ? new Date(Date.now() + days * DAY_MS).toISOString() : null,
      },
    });
    setBusy(false);
    if (!sent.ok) {
      setError(sent.error);
      setFields(sent.fields);
      return;
    }
    setError(undefined);
    setFields({});
    form.reset();
    setScopes(["integrations:read"]);
    onCreated(sent.body.secret);
  }

  return (
    <form onSubmit={submit} noValidate className={cardClass({ padding: "sm" }, "space-y-4 sm:p-6")}>
      <h3 className="font-semibold">New key</h3>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={100}
        placeholder="Nightly sync"
        error={fields.name}
        hint="Say which service uses it, to know what breaks if you revoke it."
      />
      <fieldset aria-describedby={fields.scopes ? "scopes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">What it may do</legend>
        <div className="mt-2 space-y-1">
          {offered.map((scope) => (
            <label
              key={scope}
              className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md px-2 py-2 hover:bg-slate-50"
            >
              <Checkbox
                className="mt-0.5 size-5"
                checked={scopes.includes(scope)}
                onChange={(event) =>
                  setScopes((held) =>
                    event.target.checked ? [...held, scope] : held.filter((s) => s !== scope),
                  )
                }
              />
              <span className="text-sm">
                <code className="font-mono text-slate-900">{scope}</code>
                <span className="block text-slate-600">{scopeDescriptions[scope]}</span>
              </span>
            </label>
          ))}
        </div>
        {fields.scopes ? (
          <p id="scopes-error" className="mt-1 text-sm text-red-600">
            Choose at least one: {fields.scopes}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Label htmlFor="key-lifetime">Expires</Label>
        <Select id="key-lifetime" name="lifetime" defaultValue="90" className="mt-1 block min-h-11">
          {LIFETIMES.map(({ label, days }) => (
            <option key={days} value={days}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <FormError message={error} />
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}

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
import { CodeChoices } from "@/components/ui/code-choices";

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
      <CodeChoices
        legend="What it may do"
        options={offered}
        describe={(scope) => scopeDescriptions[scope]}
        chosen={scopes}
        onChange={setScopes}
        error={fields.scopes ? `Choose at least one: ${fields.scopes}` : undefined}
        errorId="scopes-error"
      />
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

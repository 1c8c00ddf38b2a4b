"use client";

import { Controller } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import type { keyFields } from "@/lib/auth/key-fields";
import { lazyResolver, warmResolvers } from "@/lib/client/lazy-resolver";
import { apiScopes, scopeDescriptions, type ApiScope } from "@/lib/auth/scopes";
import { apiFetch } from "@/lib/client/api-fetch";
import { useSecretForm } from "@/lib/client/use-secret-form";
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

// The API's own rules for the name and scopes (lib/client/form-resolvers.ts); the lifetime
// becomes its expiresAt when sent.
type Fields = z.input<typeof keyFields> & { lifetime: string };
const START: Fields = { name: "", scopes: ["integrations:read"], lifetime: "90" };

/** Creates a key (POST /api/keys) and hands its one-time secret up. */
export function NewKeyForm({
  canGrantAdmin,
  onCreated,
}: {
  canGrantAdmin: boolean;
  onCreated: (secret: string) => void;
}) {
  const { form, error, submit } = useSecretForm<Fields>({
    start: START,
    resolver: lazyResolver("newKey"),
    fields: ["name", "scopes"],
    send: ({ name, scopes, lifetime }) => {
      const days = Number(lifetime);
      return apiFetch("/api/keys", {
        method: "POST",
        body: { name, scopes, expiresAt: days ? new Date(Date.now() + days * DAY_MS).toISOString() : null },
      });
    },
    onCreated,
  });
  const { register, control, formState } = form;
  const offered = apiScopes.filter((scope) => scope !== "admin" || canGrantAdmin);

  return (
    <form
      onSubmit={submit}
      onFocus={warmResolvers}
      noValidate
      className={cardClass({ padding: "sm" }, "space-y-4 sm:p-6")}
    >
      <h3 className="font-semibold">New key</h3>
      <TextField
        label="Name"
        required
        maxLength={100}
        placeholder="Nightly sync"
        hint="Say which service uses it, to know what breaks if you revoke it."
        {...register("name")}
        error={formState.errors.name?.message}
      />
      <Controller
        control={control}
        name="scopes"
        render={({ field, fieldState }) => (
          <CodeChoices
            legend="What it may do"
            options={offered}
            describe={(scope) => scopeDescriptions[scope]}
            chosen={field.value as ApiScope[]}
            onChange={field.onChange}
            error={fieldState.error ? "Choose at least one." : undefined}
            errorId="scopes-error"
          />
        )}
      />
      <div>
        <Label htmlFor="key-lifetime">Expires</Label>
        <Select id="key-lifetime" className="mt-1 block min-h-11" {...register("lifetime")}>
          {LIFETIMES.map(({ label, days }) => (
            <option key={days} value={days}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <FormError message={error} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}

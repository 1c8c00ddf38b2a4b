"use client";

import { useId, useState } from "react";
import { useForm, type Resolver, type ResolverResult, type UseFormRegisterReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { formSchema, type CatalogEntry, type CatalogField } from "@/lib/integrations/catalog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/field-messages";
import { SecretInput } from "./secret-input";
import { apiFetch } from "@/lib/client/api-fetch";
import { Label } from "@/components/ui/label";

type Values = Record<string, string>;

interface CreateMode {
  mode: "create";
  callbackUrl?: string;
  /** The type has a connection check: offer "Test connection" before submitting. */
  testable?: boolean;
}
interface EditMode {
  mode: "edit";
  id: number;
  version: number;
  /** The stored data as the API shows it: secrets masked. */
  masked: Record<string, unknown>;
  /** Where to go once saved (the user's detail page unless told otherwise). */
  savedHref?: string;
  /** A failed request: saving sends it back to pending for another try. */
  resubmit?: boolean;
}

export function IntegrationForm({ entry, ...props }: { entry: CatalogEntry } & (CreateMode | EditMode)) {
  const router = useRouter();
  const masked = props.mode === "edit" ? props.masked : {};
  // What the fields start from: the stored values, a secret left empty (empty keeps it).
  const [stored, setStored] = useState<Values>(() =>
    Object.fromEntries(
      entry.fields.map((f) => [
        f.name,
        f.kind === "secret" || typeof masked[f.name] !== "string" ? "" : String(masked[f.name]),
      ]),
    ),
  );
  const [notice, setNotice] = useState<string>();
  const [test, setTest] = useState<{ busy: boolean; result?: { ok: boolean; message: string } }>({
    busy: false,
  });
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  // One key per form: a double click or a retry after a lost response creates one submission.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  // The catalog's schema for the type (the API checks the same fields), on the values as they
  // will be sent: in edit mode an untouched secret is its masked form, which keeps the stored one.
  const [resolver] = useState(() => {
    // The schema's optional fields make its input type partial; the form always has every field.
    const check = zodResolver(formSchema(entry)) as unknown as Resolver<Values>;
    const named: Resolver<Values> = async (values, context, options) => {
      const result = await check(withKeptSecrets(values), context, options);
      for (const [name, error] of Object.entries(result.errors))
        if (error?.message) error.message = messageFor(entry, name, error.message);
      return result as ResolverResult<Values>;
    };
    return named;
  });
  function withKeptSecrets(values: Values): Values {
    return Object.fromEntries(
      entry.fields.map((f) => {
        const value = values[f.name]?.trim() ?? "";
        const keep =
          props.mode === "edit" && f.kind === "secret" && !value && typeof masked[f.name] === "string";
        return [f.name, keep ? String(masked[f.name]) : value];
      }),
    );
  }
  const { register, handleSubmit, formState, getValues, reset, setError, trigger } = useForm<Values>({
    defaultValues: stored,
    resolver,
    shouldFocusError: true,
  });
  const pending = formState.isSubmitting;

  const submit = handleSubmit(async (checked) => {
    setFormError(undefined);
    setNotice(undefined);
    setConflict(false);
    const values = getValues();
    const unchanged = entry.fields.every(
      (f) => (values[f.name] ?? "").trim() === (stored[f.name] ?? "").trim(),
    );
    if (props.mode === "edit" && !props.resubmit && unchanged) {
      setNotice("Nothing to change: every field is as it is stored.");
      return;
    }
    const data = Object.fromEntries(Object.entries(checked).filter(([, value]) => value !== ""));
    const sent = await send(data);
    if (sent.ok) {
      if (props.mode === "create") {
        router.push(`/integrations/mine/${(sent.body as { id: number }).id}?created=1`);
      } else {
        // The same page shows the form again: it starts from what was just stored, secrets empty.
        const saved = Object.fromEntries(
          entry.fields.map((f) => [f.name, f.kind === "secret" ? "" : (values[f.name] ?? "").trim()]),
        );
        setStored(saved);
        reset(saved);
        router.push(props.savedHref ?? `/integrations/mine/${props.id}?updated=1`);
        router.refresh();
      }
      return;
    }
    if (sent.status === 409 && props.mode === "edit") {
      setConflict(true);
      return;
    }
    // The server's details land on their fields, the first one focused; what was typed stays.
    const fieldDetails = sent.details
      .map((detail) => ({ name: detail.field.replace(/^data\./, ""), message: detail.message }))
      .filter(({ name }) => entry.fields.some((f) => f.name === name));
    fieldDetails.forEach(({ name, message }, i) =>
      setError(name, { message: messageFor(entry, name, message) }, { shouldFocus: i === 0 }),
    );
    if (fieldDetails.length === 0)
      setFormError(
        sent.status === 0 ? "Could not reach the server. Your entries are kept; try again." : sent.error,
      );
  });

  /** The credentials as typed, checked with the provider; nothing is stored. */
  async function testConnection() {
    if (!(await trigger(undefined, { shouldFocus: true }))) return;
    const data = Object.fromEntries(
      Object.entries(withKeptSecrets(getValues())).filter(([, value]) => value !== ""),
    );
    setTest({ busy: true });
    const sent = await apiFetch<{ connection: { status: string; message: string } }>(
      "/api/integrations/test",
      {
        method: "POST",
        body: { integrationType: entry.slug, integrationName: entry.name, data },
      },
    );
    setTest({
      busy: false,
      result: sent.ok
        ? { ok: sent.body.connection.status === "ok", message: sent.body.connection.message }
        : { ok: false, message: sent.error },
    });
  }

  function send(data: Record<string, string>) {
    if (props.mode === "edit") {
      return apiFetch(`/api/integrations/${props.id}/update`, {
        method: "PUT",
        headers: { "if-match": `"${props.version}"` },
        body: props.resubmit ? { data, status: "pending" } : { data },
      });
    }
    return apiFetch("/api/integrations/submit", {
      method: "POST",
      headers: { "idempotency-key": idempotencyKey },
      body: {
        integrationType: entry.slug,
        integrationName: entry.slug === "custom" && data.systemName ? data.systemName : entry.name,
        data,
        ...(props.callbackUrl ? { callbackUrl: props.callbackUrl } : {}),
        source: "integration_catalog",
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {formError ? <Alert>{formError}</Alert> : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {conflict ? (
        <Alert>
          Someone else (perhaps an admin) changed this integration after you opened it, so nothing was saved.{" "}
          <button type="button" className="font-semibold underline" onClick={() => router.refresh()}>
            Load the latest version
          </button>{" "}
          and make your change again.
        </Alert>
      ) : null}
      {props.mode === "create" && props.callbackUrl ? (
        <div className="rounded-lg bg-brand-50 p-4 ring-1 ring-brand-100">
          <p className="text-sm font-medium text-brand-900">OAuth callback URL</p>
          <p className="mt-1 text-sm text-slate-700">
            Register this redirect URL in {entry.name} when you create the API application.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className="min-w-0 flex-1 truncate rounded bg-surface px-2 py-1.5 text-sm ring-1 ring-slate-200"
              data-testid="callback-url"
            >
              {props.callbackUrl}
            </code>
            <CopyButton value={props.callbackUrl} label="Copy the callback URL" />
          </div>
        </div>
      ) : null}
      {entry.fields.map((f) => (
        <Field
          key={f.name}
          field={f}
          input={register(f.name)}
          error={formState.errors[f.name]?.message}
          maskedHint={
            props.mode === "edit" && f.kind === "secret" && typeof masked[f.name] === "string"
              ? String(masked[f.name])
              : undefined
          }
        />
      ))}
      {props.mode === "create" && props.testable ? (
        <div className="space-y-2">
          <Button type="button" variant="secondary" disabled={test.busy} onClick={testConnection}>
            {test.busy ? "Testing…" : "Test connection"}
          </Button>
          {test.result ? (
            <p role="status" className={`text-sm ${test.result.ok ? "text-emerald-700" : "text-red-600"}`}>
              {test.result.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {props.mode === "create"
          ? pending
            ? "Submitting…"
            : `Submit ${entry.name} request`
          : pending
            ? "Saving…"
            : props.resubmit
              ? "Save and send for another try"
              : "Save changes"}
      </Button>
    </form>
  );
}

function messageFor(entry: CatalogEntry, name: string, message: string) {
  const label = entry.fields.find((f) => f.name === name)?.label ?? name;
  return `${label} ${message}.`;
}

function Field({
  field,
  input,
  error,
  maskedHint,
}: {
  field: CatalogField;
  input: UseFormRegisterReturn;
  error?: string;
  maskedHint?: string;
}) {
  const id = useId();
  const hint = maskedHint
    ? `Stored as ${maskedHint}. Leave empty to keep it, or type a new value.`
    : field.help;
  const common = {
    ...input,
    id,
    required: field.required && !maskedHint,
    placeholder: field.placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    className: inputClass(error),
  };
  return (
    <div>
      <Label htmlFor={id}>
        {field.label}
        {field.required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </Label>
      {field.kind === "secret" ? (
        <SecretInput {...common} label={field.label} />
      ) : field.kind === "textarea" ? (
        <textarea {...common} rows={4} className={cn(common.className, "mt-1")} />
      ) : (
        <input
          {...common}
          type={field.kind === "url" ? "url" : "text"}
          className={cn(common.className, "mt-1")}
        />
      )}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

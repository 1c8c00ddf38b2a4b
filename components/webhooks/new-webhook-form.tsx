"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/events";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { CodeChoices } from "@/components/ui/code-choices";
import { FormError } from "@/components/ui/form-error";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";

const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "submission.created": "A request is submitted",
  "submission.updated": "A request's details change",
  "submission.status_changed": "A request moves to another status",
  "connection.status_changed": "A connection starts or stops working",
  "webhook.test": "Test events you send from here",
};

/** Adds an endpoint (POST /api/webhooks) and hands its one-time signing secret up. */
export function NewWebhookForm({
  canSeeAll,
  onCreated,
}: {
  canSeeAll: boolean;
  onCreated: (secret: string) => void;
}) {
  const [events, setEvents] = useState<WebhookEventType[]>(["submission.status_changed"]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    const sent = await apiFetch<{ secret: string }>("/api/webhooks", {
      method: "POST",
      body: {
        url: String(data.get("url") ?? "").trim(),
        events,
        description: String(data.get("description") ?? "").trim() || undefined,
        scope: String(data.get("scope") ?? "own"),
      },
    });
    setBusy(false);
    if (!sent.ok) {
      setError(sent.code === "unsafe_url" ? undefined : sent.error);
      setFields(sent.code === "unsafe_url" ? { url: sent.error } : sent.fields);
      return;
    }
    setError(undefined);
    setFields({});
    form.reset();
    setEvents(["submission.status_changed"]);
    onCreated(sent.body.secret);
  }

  return (
    <form onSubmit={submit} noValidate className={cardClass({ padding: "sm" }, "space-y-4 sm:p-6")}>
      <h3 className="font-semibold">Add an endpoint</h3>
      <FormError message={error} />
      <TextField
        label="URL"
        name="url"
        type="url"
        required
        placeholder="https://hooks.example.com/integrations"
        hint="https, on the public internet. We POST each event there, signed."
        error={fields.url}
      />
      <CodeChoices
        legend="Events"
        options={webhookEventTypes}
        describe={(type) => EVENT_DESCRIPTIONS[type]}
        chosen={events}
        onChange={setEvents}
        error={fields.events ? "Choose at least one event." : undefined}
        errorId="events-error"
      />
      <TextField
        label="Description (optional)"
        name="description"
        maxLength={255}
        error={fields.description}
      />
      {canSeeAll ? (
        <div>
          <Label htmlFor="webhook-scope">Whose requests</Label>
          <Select id="webhook-scope" name="scope" defaultValue="own" className="mt-1 min-h-11">
            <option value="own">Mine</option>
            <option value="all">Everyone&apos;s (admins)</option>
          </Select>
        </div>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Adding…" : "Add endpoint"}
      </Button>
    </form>
  );
}

"use client";

import { Controller } from "react-hook-form";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api-fetch";
import { useSecretForm } from "@/lib/client/use-secret-form";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/events";
import type { createWebhookBody } from "@/lib/webhooks/schemas";
import { lazyResolver, warmResolvers } from "@/lib/client/lazy-resolver";
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

// The API's own rules; the scope select is there for admins only.
type Fields = z.input<typeof createWebhookBody>;
const START: Fields = { url: "", events: ["submission.status_changed"], description: "", scope: "own" };

/** Adds an endpoint (POST /api/webhooks) and hands its one-time signing secret up. */
export function NewWebhookForm({
  canSeeAll,
  onCreated,
}: {
  canSeeAll: boolean;
  onCreated: (secret: string) => void;
}) {
  const { form, error, submit } = useSecretForm<Fields>({
    start: START,
    resolver: lazyResolver("newWebhook"),
    fields: ["url", "events", "description"],
    send: ({ url, events, description, scope }) =>
      apiFetch("/api/webhooks", {
        method: "POST",
        body: { url: url.trim(), events, description: description?.trim() || undefined, scope },
      }),
    // An address we will not call is a fault of the URL field.
    refusal: (sent) => (sent.code === "unsafe_url" ? { url: sent.error } : sent.fields),
    onCreated,
  });
  const { register, control, formState } = form;

  return (
    <form
      onSubmit={submit}
      onFocus={warmResolvers}
      noValidate
      className={cardClass({ padding: "sm" }, "space-y-4 sm:p-6")}
    >
      <h3 className="font-semibold">Add an endpoint</h3>
      <FormError message={error} />
      <TextField
        label="URL"
        type="url"
        required
        placeholder="https://hooks.example.com/integrations"
        hint="https, on the public internet. We POST each event there, signed."
        {...register("url")}
        error={formState.errors.url?.message}
      />
      <Controller
        control={control}
        name="events"
        render={({ field, fieldState }) => (
          <CodeChoices
            legend="Events"
            options={webhookEventTypes}
            describe={(type) => EVENT_DESCRIPTIONS[type]}
            chosen={field.value as WebhookEventType[]}
            onChange={field.onChange}
            error={fieldState.error ? "Choose at least one event." : undefined}
            errorId="events-error"
          />
        )}
      />
      <TextField
        label="Description (optional)"
        maxLength={255}
        {...register("description")}
        error={formState.errors.description?.message}
      />
      {canSeeAll ? (
        <div>
          <Label htmlFor="webhook-scope">Whose requests</Label>
          <Select id="webhook-scope" className="mt-1 min-h-11" {...register("scope")}>
            <option value="own">Mine</option>
            <option value="all">Everyone&apos;s (admins)</option>
          </Select>
        </div>
      ) : null}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Adding…" : "Add endpoint"}
      </Button>
    </form>
  );
}

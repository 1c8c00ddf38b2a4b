"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { WebhookView } from "@/lib/webhooks/endpoints";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { NewWebhookForm } from "./new-webhook-form";
import { WebhookCard } from "./webhook-card";

/** The endpoints, the secret of one just made or rotated, and the form for another. */
export function Webhooks({ webhooks, canSeeAll }: { webhooks: WebhookView[]; canSeeAll: boolean }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string>();
  const show = (made: string) => {
    setSecret(made);
    router.refresh();
  };
  return (
    <div className="space-y-4">
      {secret ? (
        <OneTimeSecret
          secret={secret}
          title="Copy this signing secret now. It is shown only once."
          usage={
            <>
              Check each event&apos;s <code className="font-mono">webhook-signature</code> with it (Standard
              Webhooks: HMAC-SHA256 of id, timestamp and body).
            </>
          }
          copyLabel="Copy the signing secret"
          onDone={() => setSecret(undefined)}
        />
      ) : null}
      {webhooks.length ? (
        <ul className="space-y-3" aria-label="Webhook endpoints">
          {webhooks.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} onSecret={show} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No endpoints yet.</p>
      )}
      <NewWebhookForm canSeeAll={canSeeAll} onCreated={show} />
    </div>
  );
}

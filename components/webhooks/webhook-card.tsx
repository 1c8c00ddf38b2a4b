"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import type { WebhookView } from "@/lib/webhooks/endpoints";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { FormError } from "@/components/ui/form-error";

interface TestAnswer {
  delivered: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

/** One endpoint: what it receives, and test, turn off or on, rotate, delete. */
export function WebhookCard({
  webhook,
  onSecret,
}: {
  webhook: WebhookView;
  onSecret: (secret: string) => void;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [answer, setAnswer] = useState<TestAnswer>();
  const [asking, setAsking] = useState<"rotate" | "delete">();
  const path = `/api/webhooks/${webhook.id}`;

  async function act<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown) {
    setBusy(true);
    setError(undefined);
    const sent = await apiFetch<T>(url, { method, body });
    setBusy(false);
    if (!sent.ok) {
      setError(sent.error);
      return undefined;
    }
    return sent.body;
  }

  return (
    <li className={cardClass({ padding: "sm" }, "space-y-3")}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-mono text-sm font-medium [overflow-wrap:anywhere]">{webhook.url}</p>
          {webhook.description ? <p className="text-sm text-slate-600">{webhook.description}</p> : null}
          {webhook.userEmail ? <p className="text-xs text-slate-500">Owner: {webhook.userEmail}</p> : null}
        </div>
        <Badge
          tone={
            webhook.enabled
              ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
              : "bg-slate-100 text-slate-700 ring-slate-200"
          }
        >
          {webhook.enabled ? "On" : "Off"}
        </Badge>
      </div>
      <p className="text-xs text-slate-600">
        {webhook.scope === "all" ? "Everyone's requests" : "Your requests"} · {webhook.events.join(", ")}
        {webhook.failures > 0 ? ` · ${webhook.failures} deliveries failed in a row` : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy}
          onClick={async () => {
            const sent = await act<{ delivery: TestAnswer }>(`${path}/test`, "POST");
            if (sent) setAnswer(sent.delivery);
            router.refresh();
          }}
        >
          Send test event
        </Button>
        <Link href={`/account/webhooks?id=${webhook.id}`} className={buttonClass("secondary")}>
          Deliveries
        </Link>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={async () => {
            if (await act(path, "PATCH", { enabled: !webhook.enabled })) router.refresh();
          }}
        >
          {webhook.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={() => setAsking("rotate")}>
          Rotate secret
        </Button>
        <Button variant="ghost" disabled={busy} onClick={() => setAsking("delete")}>
          Delete
        </Button>
      </div>
      {answer ? (
        <p role="status" className={`text-sm ${answer.delivered ? "text-emerald-700" : "text-red-700"}`}>
          {answer.delivered
            ? `Delivered: answered ${answer.responseStatus} in ${answer.durationMs} ms.`
            : `Not delivered: ${answer.error ?? "no answer"}. It will be tried again.`}
        </p>
      ) : null}
      <FormError message={error} />
      <ConfirmDialog
        open={asking === "rotate"}
        onOpenChange={(open) => setAsking(open ? "rotate" : undefined)}
        title="Rotate the signing secret?"
        description="A new secret signs every event from now on. The old one signs them too for 24 hours, so your receiver can switch without losing any."
        action="Yes, rotate"
        onAction={async () => {
          const sent = await act<{ secret: string }>(`${path}/rotate`, "POST");
          if (sent) onSecret(sent.secret);
        }}
      />
      <ConfirmDialog
        open={asking === "delete"}
        onOpenChange={(open) => setAsking(open ? "delete" : undefined)}
        title="Delete this endpoint?"
        description="No more events go to it, and its delivery log goes too."
        action="Yes, delete"
        destructive
        onAction={async () => {
          if (await act(path, "DELETE")) router.refresh();
        }}
      />
    </li>
  );
}

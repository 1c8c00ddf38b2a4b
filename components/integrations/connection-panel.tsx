"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Timestamp } from "@/components/integrations/relative-time";
import { ConnectionBadge } from "@/components/integrations/connection-badge";
import { apiFetch } from "@/lib/client/api-fetch";
import {
  CONNECTION_LABELS,
  type Connection,
  type ConnectionStatus,
} from "@/lib/integrations/connection-status";
import { cardClass } from "@/components/ui/card";
import { leadClass } from "@/components/ui/typography";

const CONNECT_LABEL: Partial<Record<ConnectionStatus, string>> = {
  not_connected: "Connect",
  needs_reauth: "Connect again",
};

/**
 * How the connection stands, "Test connection" / "Test again" for the types with a check, and
 * for an OAuth type "Connect" when the viewer is its owner (`connectHref`).
 */
export function ConnectionPanel({
  id,
  connection,
  connectHref,
}: {
  id: number;
  connection: Connection;
  connectHref?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { status } = connection;
  const testable =
    status !== "unsupported" && status !== "not_connected" && !(connectHref && status === "needs_reauth");

  async function test() {
    setBusy(true);
    setError(undefined);
    const sent = await apiFetch(`/api/integrations/${id}/test`, { method: "POST" });
    setBusy(false);
    if (!sent.ok) return setError(sent.error);
    router.refresh();
  }

  return (
    <section aria-labelledby="connection" className={cardClass({ padding: "md" })}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="connection" className="text-lg font-semibold">
          Connection
        </h2>
        <ConnectionBadge
          role="status"
          status={status}
          label={busy ? "Testing…" : CONNECTION_LABELS[status]}
        />
      </div>
      {connection.message ? <p className="mt-2 text-sm text-slate-700">{connection.message}</p> : null}
      {connection.checkedAt ? (
        <p className="mt-1 text-xs text-slate-500">
          Checked <Timestamp iso={connection.checkedAt} />
        </p>
      ) : null}
      {status === "not_connected" ? (
        <p className={leadClass("mt-2")}>
          {connectHref
            ? "Connect signs you in to the provider to grant access. We keep that access sealed and renew it, so nobody has to sign in again."
            : "Its owner connects it by signing in to the provider and granting access."}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        {connectHref ? (
          <a href={connectHref} className={buttonClass(testable ? "secondary" : "primary")}>
            {CONNECT_LABEL[status] ?? "Reconnect"}
          </a>
        ) : null}
        {testable ? (
          <Button variant="secondary" disabled={busy} onClick={test}>
            {busy ? "Testing…" : connection.checkedAt ? "Test again" : "Test connection"}
          </Button>
        ) : null}
      </div>
      <FormError message={error} className="mt-2" />
    </section>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import { STATUS_LABELS, type Status } from "@/lib/integrations/status";
import { updateStatus } from "./update-status";

/**
 * Status changes from the table, shown at once and then confirmed by the server's row. Keyed by
 * id@updatedAt: an edit gives way to the server's row as soon as a refresh brings a newer one.
 * `written` marks rows whose updatedAt predates our own change, so the next edit of them does
 * not send an If-Match that would conflict with ourselves.
 */
export function useStatusEdits(say: {
  error: (message?: string) => void;
  notice: (message?: string) => void;
}) {
  const router = useRouter();
  const [overrides, setOverrides] = useState<Record<string, Status>>({});
  const [written, setWritten] = useState<Set<string>>(() => new Set());

  /** Applies a status; false when it was refused (the message is said). */
  async function save(row: IntegrationDto, status: Status): Promise<boolean> {
    const key = `${row.id}@${row.updatedAt}`;
    setOverrides((o) => ({ ...o, [key]: status }));
    say.error(undefined);
    say.notice(undefined);
    const failure = await updateStatus(row.id, status, written.has(key) ? undefined : row.updatedAt);
    if (failure) {
      setOverrides(({ [key]: _, ...others }) => others);
      say.error(`#${row.id}: ${failure}`);
      router.refresh();
      return false;
    }
    setWritten((w) => new Set(w).add(key));
    say.notice(`#${row.id} is now ${STATUS_LABELS[status]}; ${row.userEmail} will get an email about it.`);
    // Counts, the Updated column and the filter's rows follow the change.
    router.refresh();
    return true;
  }

  return {
    shown: (row: IntegrationDto): Status => overrides[`${row.id}@${row.updatedAt}`] ?? row.status,
    save,
  };
}

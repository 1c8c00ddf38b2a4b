"use client";

import type { Status } from "@/db/schema";
import { apiFetch } from "@/lib/client/api-fetch";

/**
 * The same update endpoint (and so the same rules, audit and email) as every API client. With
 * `seen` (the updatedAt the admin was looking at) a change made meanwhile by someone else is
 * refused rather than overwritten.
 */
export async function updateStatus(id: number, status: Status, seen?: string): Promise<string | undefined> {
  const sent = await apiFetch(`/api/integrations/${id}/update`, {
    method: "PUT",
    headers: seen ? { "if-match": `"${seen}"` } : {},
    body: { status },
  });
  if (sent.ok) return undefined;
  return sent.status === 409
    ? "someone changed it since this page loaded, so nothing was saved; the table now shows the latest."
    : sent.error;
}

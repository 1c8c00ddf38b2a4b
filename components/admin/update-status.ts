"use client";

import type { Status } from "@/db/schema";

/**
 * The same update endpoint (and so the same rules, audit and email) as every API client. With
 * `seen` (the updatedAt the admin was looking at) a change made meanwhile by someone else is
 * refused rather than overwritten.
 */
export async function updateStatus(id: number, status: Status, seen?: string): Promise<string | undefined> {
  try {
    const response = await fetch(`/api/integrations/${id}/update`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...(seen ? { "if-match": `"${seen}"` } : {}) },
      body: JSON.stringify({ status }),
    });
    if (response.ok) return undefined;
    if (response.status === 409)
      return "someone changed it since this page loaded, so nothing was saved; the table now shows the latest.";
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    return body.error ?? `The server refused the change (${response.status}).`;
  } catch {
    return "Could not reach the server.";
  }
}

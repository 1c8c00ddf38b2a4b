"use client";

import type { Status } from "@/db/schema";

/** The same update endpoint (and so the same rules, audit and email) as every API client. */
export async function updateStatus(id: number, status: Status): Promise<string | undefined> {
  try {
    const response = await fetch(`/api/integrations/${id}/update`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status }),
    });
    if (response.ok) return undefined;
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    return body.error ?? `The server refused the change (${response.status}).`;
  } catch {
    return "Could not reach the server.";
  }
}

"use client";

export type Sent<T> = { ok: true; body: T } | { ok: false; error: string; fields: Record<string, string> };

/** A same-origin API call from a page: the contract's body, or its error as sentences per field. */
export async function sendJson<T>(path: string, method: string, body?: unknown): Promise<Sent<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as {
      error?: string;
      details?: { field: string; message: string }[];
    };
    if (response.ok) return { ok: true, body: json as T };
    const fields = Object.fromEntries((json.details ?? []).map((d) => [d.field.split(".")[0]!, d.message]));
    return { ok: false, error: json.error ?? `The server answered ${response.status}.`, fields };
  } catch {
    return { ok: false, error: "Could not reach the server; nothing was changed.", fields: {} };
  }
}

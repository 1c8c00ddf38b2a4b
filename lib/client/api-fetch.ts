"use client";

// The one way the pages call the API: the contract's success body, or its error (message, code,
// field details) with each field's first sentence ready for the form, never an exception.

export interface ApiDetail {
  field: string;
  message: string;
}

export interface ApiFailure {
  ok: false;
  /** 0 when the server could not be reached. */
  status: number;
  error: string;
  code: string;
  details: ApiDetail[];
  /** The first message per top-level field ("data.apiKey" counts as "data"). */
  fields: Record<string, string>;
}

export type ApiResult<T> = { ok: true; status: number; body: T; headers: Headers } | ApiFailure;

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

const UNREACHABLE: ApiFailure = {
  ok: false,
  status: 0,
  error: "Could not reach the server; nothing was changed.",
  code: "unreachable",
  details: [],
  fields: {},
};

export async function apiFetch<T = Record<string, unknown>>(
  path: string,
  { method = "GET", body, headers = {} }: ApiRequest = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      cache: "no-store",
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return UNREACHABLE;
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, status: response.status, body: json as T, headers: response.headers };
  const details = Array.isArray(json.details) ? (json.details as ApiDetail[]) : [];
  const fields: Record<string, string> = {};
  for (const { field, message } of details) fields[field.split(".")[0]!] ??= message;
  return {
    ok: false,
    status: response.status,
    error: typeof json.error === "string" ? json.error : `The server answered ${response.status}.`,
    code: typeof json.code === "string" ? json.code : "unknown",
    details,
    fields,
  };
}

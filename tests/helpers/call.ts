// Calls an App Router route handler in-process, the way Next does: a real Request, params as a promise.
type Handler = (
  req: Request,
  segment: { params: Promise<Record<string, string>> },
) => Response | Promise<Response>;

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  params?: Record<string, string>;
}

export async function call(handler: Handler, path: string, options: CallOptions = {}) {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const response = await handler(
    new Request(`http://localhost:3000${path}`, {
      method: options.method ?? (body ? "POST" : "GET"),
      headers: options.headers,
      body,
    }),
    { params: Promise.resolve(options.params ?? {}) },
  );
  const text = await response.text();
  const json = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, text, json };
}

// Request bodies: JSON only, at most 64 KiB, read without ever buffering more than the limit.
import { errors } from "./errors";

export const BODY_LIMIT = 64 * 1024;

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export async function readJson(req: Request, limit = BODY_LIMIT): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers.get("content-type") ?? "")) throw errors.unsupportedMediaType();
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw errors.tooLarge(limit);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw errors.tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.badJson();
  }
  // JSON may spell half a UTF-16 pair as \uD800…\uDFFF: such a string is not Unicode, and the
  // database refuses it on insert. Only an escape can produce one (UTF-8 bytes cannot), so the
  // walk runs only when the text has such an escape.
  if (/\\u[dD][89a-fA-F]/.test(text)) {
    const field = brokenText(body);
    if (field !== undefined) {
      throw errors.validation([{ field: field || "body", message: "contains an unpaired UTF-16 surrogate (not valid Unicode)" }]);
    }
  }
  return body;
}

/** The path of the first string (value or key) that is not well-formed Unicode. Iterative: a
 * 64 KiB body can nest tens of thousands of levels deep. */
function brokenText(body: unknown): string | undefined {
  const pending: [unknown, string][] = [[body, ""]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === "string") {
      if (!value.isWellFormed()) return path;
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (!key.isWellFormed()) return at;
        pending.push([item, at]);
      }
    }
  }
  return undefined;
}

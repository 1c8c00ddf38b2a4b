// Request bodies: JSON only, at most 64 KiB, read without ever buffering more than the limit.
import { errors } from "./errors";

export const BODY_LIMIT = 64 * 1024;

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** `optional`: a request with no body at all reads as `{}` (a body whose fields all have defaults). */
export async function readJson(
  req: Request,
  { optional = false, limit = BODY_LIMIT } = {},
): Promise<unknown> {
  const typed = JSON_TYPE.test(req.headers.get("content-type") ?? "");
  if (!typed && !optional) throw errors.unsupportedMediaType();
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
  if (optional && size === 0) return {};
  if (!typed) throw errors.unsupportedMediaType();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.badJson();
  }
  const problem = unstorable(body);
  if (problem) throw errors.validation([{ field: problem.field || "body", message: problem.message }]);
  return body;
}

/**
 * The first value JSON.parse accepts that could not be kept as sent: half a UTF-16 pair
 * (\udfff: not Unicode, refused by the database), a `__proto__` key (an own key after parsing,
 * but any copy into an object turns it into the prototype, so it would vanish), or a number
 * beyond a double (1e400 parses as Infinity and would be stored as null). Iterative: a 64 KiB
 * body can nest tens of thousands of levels deep.
 */
function unstorable(body: unknown): { field: string; message: string } | undefined {
  const pending: [unknown, string][] = [[body, ""]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === "string" && !value.isWellFormed()) return { field: path, message: UNPAIRED };
    if (typeof value === "number" && !Number.isFinite(value))
      return { field: path, message: "is a number too large to store" };
    if (typeof value !== "object" || value === null) continue;
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!key.isWellFormed()) return { field: at, message: UNPAIRED };
      if (key === "__proto__") return { field: at, message: "is a reserved key name" };
      pending.push([item, at]);
    }
  }
  return undefined;
}

const UNPAIRED = "contains an unpaired UTF-16 surrogate (not valid Unicode)";

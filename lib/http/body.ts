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
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw errors.badJson();
  }
}

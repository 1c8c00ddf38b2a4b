// Credentials at rest: the `data` object is sealed with AES-256-GCM under the newest key and
// stored as "<key id>:<iv>:<tag>:<ciphertext>" (base64), so rotation can tell which key sealed
// each row.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { appKeyRing, type KeyRing } from "./key-ring";

export type JsonObject = { [key: string]: unknown };

export class DecryptError extends Error {
  override name = "DecryptError";
}

export function sealData(value: JsonObject, ring: KeyRing = appKeyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [
    ring.current.id,
    iv.toString("base64"),
    cipher.getAuthTag().toString("base64"),
    ciphertext.toString("base64"),
  ].join(":");
}

export function openData(sealed: string, ring: KeyRing = appKeyRing()): JsonObject {
  const [keyId, iv, tag, ciphertext] = sealed.split(":");
  const key = keyId === undefined ? undefined : ring.byId.get(keyId);
  if (!key || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new DecryptError(`Stored data is sealed with an unknown key ("${keyId ?? "?"}") or malformed.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as JsonObject;
  } catch {
    throw new DecryptError(`Stored data failed authentication under key "${keyId}".`);
  }
}

export function sealedKeyId(sealed: string): string {
  return sealed.slice(0, sealed.indexOf(":"));
}

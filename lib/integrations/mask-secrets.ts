// Secret-looking values in `data` never leave the server in full: a value under a key that
// contains key, secret, token, password, credential or private (any case, at any depth, and
// everything beneath such a key) is shown as "••••" plus its last 4 characters.
import { isPlainObject, type JsonObject } from "./json-limits";

const SECRET_KEY = /key|secret|token|password|credential|private/i;
const MASK = "••••";
// Below this length the last 4 characters would be half the secret or more, so none are shown.
const MIN_LENGTH_FOR_HINT = 8;

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function maskValue(value: string | number): string {
  const chars = Array.from(String(value));
  return chars.length < MIN_LENGTH_FOR_HINT ? MASK : MASK + chars.slice(-4).join("");
}

export function maskSecrets(data: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, maskAny(v, isSecretKey(k))]));
}

function maskAny(value: unknown, underSecret: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => maskAny(item, underSecret));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskAny(v, underSecret || isSecretKey(k))]),
    );
  }
  if (underSecret && (typeof value === "string" || typeof value === "number")) return maskValue(value);
  return value;
}

/**
 * The data an update stores: `incoming` as sent, except that a secret value sent back exactly
 * as it was masked keeps the stored value (forms round-trip what GET returned).
 */
export function keepMaskedSecrets(incoming: JsonObject, stored: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(incoming).map(([k, v]) => [k, keep(v, valueAt(stored, k), isSecretKey(k))]),
  );
}

const valueAt = (object: unknown, key: string) =>
  isPlainObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;

function keep(incoming: unknown, stored: unknown, underSecret: boolean): unknown {
  if (
    underSecret &&
    typeof incoming === "string" &&
    (typeof stored === "string" || typeof stored === "number") &&
    maskValue(stored) === incoming
  ) {
    return stored;
  }
  if (Array.isArray(incoming)) {
    return incoming.map((item, i) => keep(item, Array.isArray(stored) ? stored[i] : undefined, underSecret));
  }
  if (isPlainObject(incoming)) {
    return Object.fromEntries(
      Object.entries(incoming).map(([k, v]) => [
        k,
        keep(v, valueAt(stored, k), underSecret || isSecretKey(k)),
      ]),
    );
  }
  return incoming;
}

// Limits on the free-form `data` object: small enough to encrypt and store in one row, shallow
// enough to walk without a deep recursion.
export const DATA_MAX_BYTES = 32 * 1024;
export const DATA_MAX_DEPTH = 5;

import type { JsonObject } from "@/lib/crypto/data-cipher";

export type { JsonObject };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when objects/arrays nest deeper than `max` levels (the top object is level 1). Stops early. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (max === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => nestsDeeperThan(child, max - 1));
}

export function serializedBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

// The configured data keys (DATA_ENCRYPTION_KEY): the newest encrypts, any of them decrypts.
import { env, type EncryptionKey } from "@/lib/env";

export interface KeyRing {
  current: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
}

export function keyRingFrom(keys: EncryptionKey[]): KeyRing {
  const current = keys.at(-1);
  if (!current) throw new Error("DATA_ENCRYPTION_KEY names no key.");
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

let cached: KeyRing | undefined;

export function appKeyRing(): KeyRing {
  return (cached ??= keyRingFrom(env().DATA_ENCRYPTION_KEY));
}

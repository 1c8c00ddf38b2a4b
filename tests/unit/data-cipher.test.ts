import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptError, openData, sealData, sealedKeyId } from "@/lib/crypto/data-cipher";
import { keyRingFrom } from "@/lib/crypto/key-ring";

const oldKey = { id: "old", key: randomBytes(32) };
const newKey = { id: "new", key: randomBytes(32) };

describe("data cipher", () => {
  it("round-trips an object and never shows the plaintext", () => {
    const ring = keyRingFrom([newKey]);
    const sealed = sealData({ apiKey: "sk_live_abcdef", nested: { ok: true } }, ring);
    expect(sealed).not.toContain("sk_live_abcdef");
    expect(sealedKeyId(sealed)).toBe("new");
    expect(openData(sealed, ring)).toEqual({ apiKey: "sk_live_abcdef", nested: { ok: true } });
  });

  it("seals with the newest key and still opens rows sealed with an older one", () => {
    const before = sealData({ a: 1 }, keyRingFrom([oldKey]));
    const ring = keyRingFrom([oldKey, newKey]);
    expect(sealedKeyId(sealData({ a: 1 }, ring))).toBe("new");
    expect(openData(before, ring)).toEqual({ a: 1 });
  });

  it("refuses tampered ciphertext and unknown keys", () => {
    const ring = keyRingFrom([newKey]);
    const sealed = sealData({ a: "value" }, ring);
    const parts = sealed.split(":");
    const flipped = Buffer.from(parts[3]!, "base64");
    flipped[0]! ^= 1;
    expect(() => openData([...parts.slice(0, 3), flipped.toString("base64")].join(":"), ring)).toThrow(
      DecryptError,
    );
    expect(() => openData(sealed, keyRingFrom([oldKey]))).toThrow(/unknown key/);
  });

  it("uses a fresh IV every time", () => {
    const ring = keyRingFrom([newKey]);
    expect(sealData({ a: 1 }, ring)).not.toBe(sealData({ a: 1 }, ring));
  });
});

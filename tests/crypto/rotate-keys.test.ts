import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { withOwnDatabase } from "../helpers/own-database";
import { rawQuery } from "../helpers/raw-db";

// Its own database: it counts every row's key id.
withOwnDatabase("rotate");
const OLD = `old:${randomBytes(32).toString("base64")}`;
const NEW = `new:${randomBytes(32).toString("base64")}`;

async function withKeys(keys: string) {
  process.env.DATA_ENCRYPTION_KEY = keys;
  vi.resetModules();
  const { closeDb } = await import("@/db");
  await closeDb();
}

describe("keys:rotate", () => {
  it("re-seals every row with the newest key, keeps the plaintext, and resumes as a no-op", async () => {
    await withKeys(OLD);
    const { seed } = await import("@/lib/demo/seed");
    await seed({ rows: 1_200 });
    const before = await rawQuery<{ id: number; data: string }>(
      "SELECT id, data FROM integration_submissions ORDER BY id",
    );
    const { openData } = await import("@/lib/crypto/data-cipher");
    const plain = new Map(before.map((r) => [r.id, openData(r.data)]));
    expect(before.every((r) => r.data.startsWith("old:"))).toBe(true);
    // One connected submission: its OAuth tokens are sealed with the same key.
    const { sealData } = await import("@/lib/crypto/data-cipher");
    const tokens = { accessToken: "at_rotate", refreshToken: "rt_rotate" };
    await rawQuery("INSERT INTO integration_tokens (submission_id, sealed) VALUES (?, ?)", [
      before[0]!.id,
      sealData(tokens),
    ]);
    // And a webhook endpoint's secret, mid-rotation (both secrets sealed).
    await rawQuery(
      "INSERT INTO webhook_endpoints (user_id, url, events, secret, previous_secret) VALUES (1, 'https://hooks.example.com', 'webhook.test', ?, ?)",
      [sealData({ secret: "whsec_new" }), sealData({ secret: "whsec_old" })],
    );

    await withKeys(`${OLD},${NEW}`);
    const { rotateKeys } = await import("@/lib/crypto/rotate-keys");
    const seen: number[] = [];
    const result = await rotateKeys({ batchSize: 500, onProgress: (p) => seen.push(p.scanned) });
    expect(result).toMatchObject({ scanned: before.length, rotated: before.length, tokensRotated: 3 });
    expect(seen).toEqual([500, 1_000, before.length]);

    const after = await rawQuery<{ id: number; data: string }>(
      "SELECT id, data FROM integration_submissions ORDER BY id",
    );
    const { openData: openWithBoth } = await import("@/lib/crypto/data-cipher");
    expect(after.every((r) => r.data.startsWith("new:"))).toBe(true);
    for (const row of after) expect(openWithBoth(row.data)).toEqual(plain.get(row.id));
    const [held] = await rawQuery<{ sealed: string }>("SELECT sealed FROM integration_tokens");
    expect(held!.sealed.startsWith("new:")).toBe(true);
    expect(openWithBoth(held!.sealed)).toEqual(tokens);
    const [hook] = await rawQuery<{ secret: string; previous_secret: string }>(
      "SELECT secret, previous_secret FROM webhook_endpoints",
    );
    expect([hook!.secret.slice(0, 4), hook!.previous_secret.slice(0, 4)]).toEqual(["new:", "new:"]);
    expect(openWithBoth(hook!.previous_secret)).toEqual({ secret: "whsec_old" });
    expect(await rotateKeys()).toMatchObject({ rotated: 0, tokensRotated: 0 });
  });

  it("does not overwrite a row the app changed after rotation read it", async () => {
    await withKeys(OLD);
    const { sealData } = await import("@/lib/crypto/data-cipher");
    const [row] = await rawQuery<{ id: number }>(
      "SELECT id FROM integration_submissions ORDER BY id DESC LIMIT 1",
    );
    const asRead = { id: row!.id, data: sealData({ apiKey: "old-secret" }) };
    await rawQuery("UPDATE integration_submissions SET data = ? WHERE id = ?", [asRead.data, row!.id]);

    await withKeys(`${OLD},${NEW}`);
    const { rotateRow } = await import("@/lib/crypto/rotate-keys");
    const { sealData: sealNew, openData } = await import("@/lib/crypto/data-cipher");
    const appWrite = sealNew({ apiKey: "typed-by-the-user" });
    await rawQuery("UPDATE integration_submissions SET data = ? WHERE id = ?", [appWrite, row!.id]);
    expect(await rotateRow(asRead)).toBe(false);
    const [final] = await rawQuery<{ data: string }>(
      "SELECT data FROM integration_submissions WHERE id = ?",
      [row!.id],
    );
    expect(openData(final!.data)).toEqual({ apiKey: "typed-by-the-user" });
  });
});

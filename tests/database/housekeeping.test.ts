import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser } from "../helpers/users";

describe("housekeeping", () => {
  it("purges closed rate-limit windows, idempotency keys past 24 h and expired sign-outs and ended key secrets, and nothing still live", async () => {
    const { purgeExpired } = await import("@/lib/housekeeping");
    const user = await createTestUser();
    const [closed, open] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    await rawQuery(
      "INSERT INTO rate_limits (bucket, hits, reset_at) VALUES (?, 3, CURRENT_TIMESTAMP(3) - INTERVAL 1 MINUTE), (?, 3, CURRENT_TIMESTAMP(3) + INTERVAL 1 MINUTE)",
      [closed, open],
    );
    await rawQuery(
      "INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status_code, response_body, created_at) VALUES (?, 'old', REPEAT('a', 64), 201, '{}', CURRENT_TIMESTAMP(3) - INTERVAL 25 HOUR), (?, 'new', REPEAT('a', 64), 201, '{}', CURRENT_TIMESTAMP(3) - INTERVAL 23 HOUR)",
      [user.id, user.id],
    );
    const [gone, kept] = [randomUUID(), randomUUID()];
    await rawQuery(
      "INSERT INTO revoked_sessions (sid, user_id, expires_at) VALUES (?, ?, CURRENT_TIMESTAMP(3) - INTERVAL 1 MINUTE), (?, ?, CURRENT_TIMESTAMP(3) + INTERVAL 1 DAY)",
      [gone, user.id, kept, user.id],
    );
    const [ended, current] = [`ih_${randomUUID().slice(0, 12)}`, `ih_${randomUUID().slice(0, 12)}`];
    await rawQuery(
      "INSERT INTO api_key_secrets (prefix, key_id, hash, expires_at) VALUES (?, 0, REPEAT('a', 64), CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND), (?, 0, REPEAT('a', 64), NULL)",
      [ended, current],
    );
    const purged = await purgeExpired();
    expect(purged.rateLimits).toBeGreaterThanOrEqual(1);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const buckets = await rawQuery<{ bucket: string }>(
      "SELECT bucket FROM rate_limits WHERE bucket IN (?, ?)",
      [closed, open],
    );
    expect(buckets.map((row) => row.bucket)).toEqual([open]);
    const keys = await rawQuery<{ idem_key: string }>(
      "SELECT idem_key FROM idempotency_keys WHERE user_id = ?",
      [user.id],
    );
    expect(keys.map((row) => row.idem_key)).toEqual(["new"]);
    expect(purged.revokedSessions).toBeGreaterThanOrEqual(1);
    const sessions = await rawQuery<{ sid: string }>("SELECT sid FROM revoked_sessions WHERE user_id = ?", [
      user.id,
    ]);
    expect(sessions.map((row) => row.sid)).toEqual([kept]);
    expect(purged.apiKeySecrets).toBeGreaterThanOrEqual(1);
    const secrets = await rawQuery<{ prefix: string }>(
      "SELECT prefix FROM api_key_secrets WHERE prefix IN (?, ?)",
      [ended, current],
    );
    expect(secrets.map((row) => row.prefix)).toEqual([current]);
  });
});

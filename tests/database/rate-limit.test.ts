import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hit, peek, reset } from "@/lib/rate-limit";
import { rawQuery } from "../helpers/raw-db";

const limit = { max: 3, windowSeconds: 60 };

describe("rate limit", () => {
  it("allows max hits in a window, then limits with a retry-after inside the window", async () => {
    const bucket = `test:${randomUUID()}`;
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hit(bucket, limit));
    expect(states.map((s) => s.limited)).toEqual([false, false, false, true]);
    expect(states[3]!.retryAfter).toBeGreaterThan(0);
    expect(states[3]!.retryAfter).toBeLessThanOrEqual(60);
    expect((await peek(bucket, limit)).limited).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const bucket = `test:${randomUUID()}`;
    await Promise.all(Array.from({ length: 20 }, () => hit(bucket, { max: 100, windowSeconds: 60 })));
    expect((await peek(bucket, { max: 100, windowSeconds: 60 })).hits).toBe(20);
  });

  it("starts a new window once the old one has run out, and can be reset", async () => {
    const bucket = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await hit(bucket, limit);
    await rawQuery(
      "UPDATE rate_limits SET reset_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE bucket = ?",
      [bucket],
    );
    expect((await peek(bucket, limit)).limited).toBe(false);
    expect(await hit(bucket, limit)).toMatchObject({ hits: 1, limited: false });
    await reset(bucket);
    expect((await peek(bucket, limit)).hits).toBe(0);
  });
});

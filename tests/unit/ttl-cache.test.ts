import { afterEach, describe, expect, it, vi } from "vitest";
import { cached } from "@/lib/ttl-cache";

afterEach(() => vi.useRealTimers());

describe("cached", () => {
  it("computes once, serves the stale value while refreshing after the TTL, then the fresh one", async () => {
    vi.useFakeTimers();
    let n = 0;
    const get = cached(1_000, async () => ++n);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    vi.advanceTimersByTime(1_500);
    expect(await get()).toBe(1);
    await vi.waitFor(async () => expect(await get()).toBe(2));
    expect(n).toBe(2);
  });

  it("makes the caller wait for a fresh value once the old one is too stale to show", async () => {
    vi.useFakeTimers();
    let n = 0;
    const get = cached(1_000, async () => ++n, 5_000);
    expect(await get()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(await get()).toBe(2);
    expect(n).toBe(2);
  });

  it("does not keep a failure", async () => {
    let fail = true;
    const get = cached(1_000, async () => {
      if (fail) throw new Error("down");
      return "ok";
    });
    await expect(get()).rejects.toThrow("down");
    fail = false;
    expect(await get()).toBe("ok");
  });
});

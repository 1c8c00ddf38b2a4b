import { describe, expect, it } from "vitest";
import { verifiedTokenCache } from "@/lib/auth/verified-tokens";

const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

describe("verified token cache", () => {
  it("checks a token once while it is valid, and again once it has expired", async () => {
    const remembered = verifiedTokenCache();
    let checks = 0;
    const verify = (exp: number) => async () => (checks++, { userId: 7, exp, issuedAt: 1, sid: "s" });
    expect(await remembered("a", verify(inSeconds(60)))).toMatchObject({ userId: 7, issuedAt: 1, sid: "s" });
    expect((await remembered("a", verify(inSeconds(60))))?.userId).toBe(7);
    expect(checks).toBe(1);
    expect((await remembered("b", verify(inSeconds(-1))))?.userId).toBe(7);
    expect(await remembered("b", async () => undefined)).toBeUndefined();
    expect(checks).toBe(2);
  });

  it("never keeps a refusal, nor a key too long to hold", async () => {
    const remembered = verifiedTokenCache();
    let checks = 0;
    expect(await remembered("bad", async () => (checks++, undefined))).toBeUndefined();
    const one = { userId: 1, exp: inSeconds(60), issuedAt: 0 };
    expect((await remembered("bad", async () => (checks++, one)))?.userId).toBe(1);
    const long = "x".repeat(5_000);
    await remembered(long, async () => (checks++, { ...one, userId: 2 }));
    await remembered(long, async () => (checks++, { ...one, userId: 2 }));
    expect(checks).toBe(4);
  });
});

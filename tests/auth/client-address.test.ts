import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("client address for rate limits", () => {
  it("takes the entry our proxy appended, not one the client wrote before it", () => {
    const spoofed = headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientAddress(spoofed)).toBe("198.51.100.7");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("counts hops from the right when there are several trusted proxies", () => {
    const chain = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(chain, 2)).toBe("198.51.100.7");
    // Fewer entries than hops: the first is the best there is.
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }), 3)).toBe("198.51.100.7");
  });

  it("falls back to X-Real-IP, then one shared bucket, and bounds the length", () => {
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.9" }))).toBe("198.51.100.9");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }))).toBe("direct");
    expect(clientAddress(headers({}))).toBe("direct");
    expect(clientAddress(headers({ "x-forwarded-for": "x".repeat(500) }))).toHaveLength(64);
  });
});

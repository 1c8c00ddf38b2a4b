import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { socketAddress, stampClientAddress, trustedProxyHops } from "@/scripts/server/forwarded-for.mjs";

const headers = (values: Record<string, string>) => new Headers(values);

describe("client address for rate limits", () => {
  it("with no proxy, is the address the server appended, whatever the client wrote before it", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }), 0)).toBe("198.51.100.7");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }), 0)).toBe("198.51.100.7");
  });

  it("behind N proxies, is the entry the outermost one wrote", () => {
    // client (spoofing 6.6.6.6) → CDN → balancer (10.0.0.2) → app, which appended 10.0.0.3.
    const chain = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2, 10.0.0.3" });
    expect(clientAddress(chain, 2)).toBe("198.51.100.7");
    expect(clientAddress(chain, 1)).toBe("10.0.0.2");
    // Fewer entries than hops: the first is the best there is.
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }), 3)).toBe("198.51.100.7");
  });

  it("ignores X-Real-IP, shares one bucket without any entry, and bounds the length", () => {
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.9" }), 0)).toBe("direct");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), 0)).toBe("direct");
    expect(clientAddress(headers({}), 0)).toBe("direct");
    expect(clientAddress(headers({ "x-forwarded-for": "x".repeat(500) }), 0)).toHaveLength(64);
  });
});

/** A real server that stamps as scripts/server/worker.mjs does and echoes what the app would read. */
async function echoServer(hops: number) {
  const server = http.createServer((req, res) => {
    stampClientAddress(req, hops);
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("the server stamps the socket's address", () => {
  it("appends it to a header the client wrote, so the client cannot choose its address", async () => {
    const server = await echoServer(0);
    try {
      const seen = await (
        await fetch(server.url, { headers: { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" } })
      ).json();
      expect(seen["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
      expect(clientAddress(headers(seen), 0)).toBe("127.0.0.1");
      // With no proxy trusted, the headers only a proxy may set are the client's own and dropped.
      expect(seen["x-real-ip"]).toBeUndefined();
      const plain = await (await fetch(server.url)).json();
      expect(plain["x-forwarded-for"]).toBe("127.0.0.1");
    } finally {
      await server.close();
    }
  });

  it("keeps a trusted proxy's headers and reads IPv4 on a dual-stack socket plainly", async () => {
    const server = await echoServer(1);
    try {
      const seen = await (
        await fetch(server.url, { headers: { "x-forwarded-host": "app.example.com" } })
      ).json();
      expect(seen["x-forwarded-host"]).toBe("app.example.com");
    } finally {
      await server.close();
    }
    expect(socketAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(socketAddress("::1")).toBe("::1");
  });

  it("refuses a TRUSTED_PROXY_HOPS that is not a hop count", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "eleven", "11"])
      expect(() => trustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

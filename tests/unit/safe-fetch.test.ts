import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FetchTimeoutError,
  UnsafeUrlError,
  checkUrl,
  isPublicAddress,
  safeFetch,
} from "@/lib/http/safe-fetch";

// Loopback servers stand in for the internet: 127.0.0.1 plays a public host wherever a policy
// allows it, 127.0.0.2 a private one.
const seen: string[] = [];
const servers: http.Server[] = [];
async function serve(host: string, handler: http.RequestListener): Promise<string> {
  const server = http.createServer((req, res) => {
    seen.push(`${host} ${req.method} ${req.url}`);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

let publicUrl: string;
let privateUrl: string;
let silentUrl: string;
const onlyFirst = { allowPrivate: true, allowAddress: (address: string) => address === "127.0.0.1" };

beforeAll(async () => {
  privateUrl = await serve("127.0.0.2", (_req, res) => res.end("secret"));
  silentUrl = await serve("127.0.0.1", () => undefined);
  publicUrl = await serve("127.0.0.1", (req, res) => {
    const to = new URL(req.url!, "http://x").searchParams.get("to");
    if (to) {
      res.writeHead(req.url!.includes("see-other") ? 303 : 302, { location: to });
      return res.end();
    }
    res.end(`${req.method} ok`);
  });
});
afterAll(() => servers.forEach((server) => server.close()));

describe("the guard on user-given URLs", () => {
  it("knows which addresses are public", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "not an ip",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("refuses http, credentials in the URL and private literals before connecting", async () => {
    const strict = { allowPrivate: false };
    expect(() => checkUrl(new URL("http://example.com/"), strict)).toThrow(UnsafeUrlError);
    expect(() => checkUrl(new URL("https://user:pw@example.com/"), strict)).toThrow(UnsafeUrlError);
    expect(() => checkUrl(new URL("https://[::1]/"), strict)).toThrow(UnsafeUrlError);
    expect(() => checkUrl(new URL("https://example.com/"), strict)).not.toThrow();
    const before = seen.length;
    await expect(safeFetch(publicUrl.replace("http:", "https:"), {}, strict)).rejects.toThrow(UnsafeUrlError);
    expect(seen.length).toBe(before);
  });

  it("refuses a name that resolves to a private address, at connect time", async () => {
    const port = new URL(publicUrl).port;
    await expect(
      safeFetch(`http://localhost:${port}/`, {}, { ...onlyFirst, allowAddress: () => false }),
    ).rejects.toThrow(/resolves to an address that is not public/);
  });

  it("fetches what the policy allows, and follows a redirect only to an allowed address", async () => {
    const ok = await safeFetch(`${publicUrl}/`, {}, onlyFirst);
    expect(await ok.text()).toBe("GET ok");
    const before = seen.length;
    await expect(
      safeFetch(`${publicUrl}/?to=${encodeURIComponent(`${privateUrl}/`)}`, {}, onlyFirst),
    ).rejects.toThrow(UnsafeUrlError);
    expect(seen.slice(before).some((line) => line.startsWith("127.0.0.2"))).toBe(false);
    // A POST redirected with 302 or 303 continues as a GET, without its body.
    const moved = await safeFetch(
      `${publicUrl}/see-other?to=${encodeURIComponent(`${publicUrl}/done`)}`,
      { method: "POST", body: "{}" },
      onlyFirst,
    );
    expect(await moved.text()).toBe("GET ok");
  });

  it("stops after three redirects, and at the timeout", async () => {
    let url = `${publicUrl}/end`;
    for (let i = 0; i < 4; i++) url = `${publicUrl}/?to=${encodeURIComponent(url)}`;
    await expect(safeFetch(url, {}, onlyFirst)).rejects.toThrow(/more than 3 redirects/);
    await expect(safeFetch(`${silentUrl}/`, {}, { ...onlyFirst, timeoutMs: 300 })).rejects.toThrow(
      FetchTimeoutError,
    );
  });
});

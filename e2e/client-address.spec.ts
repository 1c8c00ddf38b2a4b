import http from "node:http";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { freePort } from "../scripts/free-port";
import { exited, proxy, ready, startInstance } from "./helpers/instances";

// 20 failed sign-ins per address in 15 minutes, then 429 (lib/auth/sign-in.ts). Each attempt
// names a new email, so only the address bucket can fill, and writes a made-up X-Forwarded-For,
// as a client that wants a fresh bucket for every guess would.
const PER_ADDRESS = 20;

/** A loopback address of its own (all of 127/8 is this machine), so no other spec shares its bucket. */
const ownAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

function failedSignIn(url: string, from: string, attempt: number): Promise<number> {
  const body = JSON.stringify({ email: `guess-${attempt}-${from}@example.test`, password: "wrong-password" });
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/api/auth/token`, {
      method: "POST",
      localAddress: from,
      agent: false,
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `198.51.100.${attempt}`,
        "x-real-ip": `198.51.100.${attempt}`,
      },
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function attempts(url: string, from: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= count; attempt++) statuses.push(await failedSignIn(url, from, attempt));
  return statuses;
}

test("a client reaching the app directly cannot pick its rate-limit address with X-Forwarded-For", async () => {
  const statuses = await attempts(baseURL, ownAddress(), PER_ADDRESS + 1);
  expect(statuses.slice(0, PER_ADDRESS)).toEqual(Array(PER_ADDRESS).fill(401));
  expect(statuses.at(-1)).toBe(429);
});

test("behind one proxy, the address that proxy saw is the client's, not what the client wrote", async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  const instance = startInstance(port, { TRUSTED_PROXY_HOPS: "1", WEB_CONCURRENCY: "1" });
  try {
    await ready(port);
    const front = await proxy([port], { appendForwardedFor: true });
    try {
      const statuses = await attempts(front.url, ownAddress(), PER_ADDRESS + 1);
      expect(statuses.slice(0, PER_ADDRESS)).toEqual(Array(PER_ADDRESS).fill(401));
      expect(statuses.at(-1)).toBe(429);
      // Another client through the same proxy has a bucket of its own: the proxy's is not used.
      expect(await attempts(front.url, ownAddress(), 1)).toEqual([401]);
    } finally {
      front.close();
    }
  } finally {
    instance.child.kill("SIGTERM");
    await exited(instance.child);
  }
});

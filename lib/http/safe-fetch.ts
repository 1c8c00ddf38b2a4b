// The one way the server fetches a URL that a user gave it (provider endpoints, webhook
// receivers): https only, public addresses only, checked on the address each connection really
// uses (so a DNS answer cannot change between the check and the connect), redirects followed by
// hand and each hop checked the same way, and a timeout over the whole exchange. An operator can
// allow http and private addresses (INTEGRATION_ALLOW_PRIVATE_URLS, WEBHOOK_ALLOW_PRIVATE_URLS):
// tests use it for their loopback fakes, on-premise installs for their own network.
import "server-only";
import { lookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, fetch, type RequestInit, type Response } from "undici";

/** A URL or address the guard refused: the caller answers 400 `unsafe_url` or records a failure. */
export class UnsafeUrlError extends Error {
  override name = "UnsafeUrlError";
}

/** The exchange took longer than its timeout (connect, answer and body together). */
export class FetchTimeoutError extends Error {
  override name = "FetchTimeoutError";
}

// Everything that is not the public internet: this host, private networks, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, documentation and benchmark ranges,
// multicast and reserved space (RFC 6890 and its IPv6 counterparts).
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** Whether an address is on the public internet (an IPv4-mapped IPv6 address counts as its IPv4). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export interface FetchPolicy {
  /** http and private addresses allowed (an operator's choice, never a user's). */
  allowPrivate: boolean;
  /** Tests narrow it further; by default every public address. */
  allowAddress?: (address: string) => boolean;
  timeoutMs?: number;
  /** Hand a redirect back as the answer instead of following it (webhooks follow none). */
  noRedirects?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const anyAddress = () => true;
// One function per rule, so each keeps one Agent (and its pooled connections).
const allows = (policy: FetchPolicy) =>
  policy.allowAddress ?? (policy.allowPrivate ? anyAddress : isPublicAddress);

/** The checks a URL must pass before anything is sent (also what a form's 400 `unsafe_url` says). */
export function checkUrl(url: URL, policy: FetchPolicy): void {
  if (url.protocol !== "https:" && !(policy.allowPrivate && url.protocol === "http:")) {
    throw new UnsafeUrlError("must be an https:// address");
  }
  if (url.username || url.password) throw new UnsafeUrlError("must not carry a user name or password");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allows(policy)(host)) throw new UnsafeUrlError("must be a public address");
}

/**
 * checkUrl, and the name resolved now with every address checked: for a URL that is stored to be
 * called later (a webhook), so a private address is refused when it is given, not only when used.
 */
export async function checkResolvedUrl(url: URL, policy: FetchPolicy): Promise<void> {
  checkUrl(url, policy);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) || policy.allowPrivate) return;
  const answers = await new Promise<LookupAddress[]>((resolve, reject) =>
    lookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  ).catch(() => {
    throw new UnsafeUrlError(`${host} does not resolve`);
  });
  if (answers.length === 0 || answers.some((answer) => !allows(policy)(answer.address))) {
    throw new UnsafeUrlError(`${host} resolves to an address that is not public`);
  }
}

// Connections resolve their host through this lookup: a name whose addresses are not all allowed
// is refused at connect time, on the very answer the socket would use.
const agents = new WeakMap<(address: string) => boolean, Agent>();
function agentFor(allowed: (address: string) => boolean): Agent {
  let agent = agents.get(allowed);
  if (!agent) {
    agent = new Agent({
      connect: {
        lookup: (hostname, options, callback) =>
          lookup(hostname, { ...options, all: true }, (error, answers: LookupAddress[]) => {
            if (error) return callback(error, "", 0);
            const refused = answers.find((answer) => !allowed(answer.address));
            if (refused || answers.length === 0) {
              return callback(
                new UnsafeUrlError(`${hostname} resolves to an address that is not public`),
                "",
                0,
              );
            }
            const [first] = answers;
            return options.all
              ? callback(null, answers as never, 0)
              : callback(null, first!.address, first!.family);
          }),
      },
    });
    agents.set(allowed, agent);
  }
  return agent;
}

function unsafeIn(error: unknown): UnsafeUrlError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e instanceof UnsafeUrlError) return e;
  return undefined;
}

/**
 * fetch() for user-given URLs. Throws UnsafeUrlError for a URL, address or redirect the policy
 * refuses, FetchTimeoutError past the timeout; a response is returned as it is, any status.
 * Read its body before the timeout ends (it covers the whole exchange).
 */
export async function safeFetch(input: string, init: RequestInit, policy: FetchPolicy): Promise<Response> {
  const signal = AbortSignal.timeout(policy.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const dispatcher = agentFor(allows(policy));
  let url = new URL(input);
  let request = init;
  for (let hop = 0; ; hop++) {
    checkUrl(url, policy);
    let response: Response;
    try {
      response = await fetch(url, { ...request, redirect: "manual", dispatcher, signal });
    } catch (error) {
      if (signal.aborted)
        throw new FetchTimeoutError(`No answer within ${policy.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`);
      throw unsafeIn(error) ?? error;
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || !location || policy.noRedirects) return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new UnsafeUrlError(`more than ${MAX_REDIRECTS} redirects`);
    url = new URL(location, url);
    // As browsers do: a 303, or a 301/302 after a POST, continues as a GET without the body.
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && request.method === "POST")
    ) {
      request = { ...request, method: "GET", body: undefined };
    }
  }
}

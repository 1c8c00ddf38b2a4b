// @ts-check
// Where a request came from, as this server saw it. The process that accepts the socket appends
// the socket's address to X-Forwarded-For before Next or the app reads anything, so the last
// entry is always one we observed, and TRUSTED_PROXY_HOPS counts real hops from there
// (lib/auth/client-address.ts): 0, no proxy, the socket is the client; N, N proxies in front.
// Next only fills the header when it is absent, which let a client that reached the app directly
// pick its own rate-limit bucket.

/** The headers only a proxy may set: with none trusted, a client's own are dropped. */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) is 127.0.0.1. */
export function socketAddress(/** @type {string | undefined} */ address) {
  if (!address) return "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {number} trustedHops
 */
export function stampClientAddress(req, trustedHops) {
  const observed = socketAddress(req.socket.remoteAddress);
  const sent = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = sent ? `${sent}, ${observed}` : observed;
  if (trustedHops === 0) for (const name of PROXY_HEADERS) delete req.headers[name];
}

/** TRUSTED_PROXY_HOPS as the app reads it (lib/env.ts validates it there with the same bounds). */
export function trustedProxyHops(/** @type {string | undefined} */ value = process.env.TRUSTED_PROXY_HOPS) {
  const hops = Number(value ?? 0);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(
      "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app).",
    );
  }
  return hops;
}

// @ts-check
// One server process: Next's request handler behind node:http, as `next start` runs it, plus the
// two things `next start` cannot do for us: stamp the client's address before anything reads it
// (forwarded-for.mjs), and shut down in the order that loses nothing. On SIGTERM (or SIGINT) it
// stops accepting, answers what it already has, closes keep-alive connections as they go idle,
// and only then stops the app's background work and closes the database pool (the hook that
// lib/server-start.ts leaves on globalThis), and exits 143 (130 for SIGINT) like `next start`.
import http from "node:http";
import next from "next";
import { stampClientAddress, trustedProxyHops } from "./forwarded-for.mjs";
import { logger } from "./log.mjs";

// Longer than a slow request should take; then the remaining connections are cut.
const DRAIN_TIMEOUT_MS = 25_000;
const SWEEP_MS = 100;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 };

/** The app's own shutdown (mail worker, housekeeping, pool), registered by lib/server-start.ts. */
const APP_SHUTDOWN = Symbol.for("integrations-hub.shutdown");

/**
 * @param {{ port: number, hostname: string | undefined, dev: boolean }} options
 * @returns {Promise<http.Server>}
 */
export async function serve({ port, hostname, dev }) {
  const log = logger();
  const hops = trustedProxyHops();
  let draining = false;

  const server = http.createServer();
  // Given the server, Next serves dev's HMR websocket on it too.
  const app = next({ dev, dir: process.cwd(), hostname: hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on("request", (req, res) => {
    stampClientAddress(req, hops);
    // While draining, each answer ends its connection, so keep-alive clients move elsewhere.
    if (draining) res.setHeader("connection", "close");
    void handle(req, res);
  });
  // Every socket, upgraded ones too (dev's HMR), so a drain that runs out can end them all.
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve(undefined));
  });

  /** @param {keyof typeof EXIT_CODES} signal */
  const shutdown = async (signal) => {
    if (draining) return;
    draining = true;
    const started = Date.now();
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    // A connection whose request was already running when the drain began goes idle afterwards.
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    // Dev has nothing worth waiting for.
    const cut = setTimeout(() => sockets.forEach((socket) => socket.destroy()), dev ? 0 : DRAIN_TIMEOUT_MS);
    await closed;
    clearInterval(sweep);
    clearTimeout(cut);
    log.info({ signal, ms: Date.now() - started }, "shutdown: requests drained");
    try {
      const stopApp = /** @type {(() => Promise<void>) | undefined} */ (
        Reflect.get(globalThis, APP_SHUTDOWN)
      );
      await stopApp?.();
      await app.close();
    } catch (error) {
      log.warn(
        { err: { name: error instanceof Error ? error.name : typeof error } },
        "shutdown: app cleanup failed",
      );
    }
    process.exit(EXIT_CODES[signal]);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  return server;
}

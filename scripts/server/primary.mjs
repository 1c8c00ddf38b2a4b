// @ts-check
// The primary process of `npm start`: one server process per core (node:cluster shares the port
// and hands each new connection to the next worker in turn). It serves nothing itself. It
// starts the first worker alone, so a bad environment is reported once and the bootstrap admin
// is written once; restarts a worker that crashes (waiting longer each time if it keeps
// crashing); and on SIGTERM or SIGINT passes the signal on, waits for every worker to drain and
// exits with the code `next start` uses (143, 130).
import cluster from "node:cluster";
import { logger } from "./log.mjs";

// A worker drains for at most 25 s (worker.mjs); past this it is killed.
const STOP_TIMEOUT_MS = 35_000;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 };
// A worker that lived this long had no crash loop: its next restart is immediate again.
const STABLE_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

/** @param {{ workers: number }} options */
export async function runPrimary({ workers }) {
  const log = logger();
  /** @type {keyof typeof EXIT_CODES | undefined} */
  let stopping;
  let restartDelay = 0;

  let started = false;

  /** Resolves when the worker listens; at start, rejects if it dies first. */
  const fork = () =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      const born = Date.now();
      let listening = false;
      worker.once("listening", () => {
        listening = true;
        resolve(worker);
      });
      worker.once("exit", (code, signal) => {
        if (stopping) return;
        if (!started) return reject(new Error(`a server process exited at start (code ${code})`));
        restartDelay =
          Date.now() - born > STABLE_MS ? 0 : Math.min(MAX_RESTART_DELAY_MS, restartDelay * 2 || 1_000);
        log.error(
          { worker: worker.process.pid, code, signal, listening, restartInMs: restartDelay },
          "server process died; restarting it",
        );
        setTimeout(() => void fork(), restartDelay);
      });
    });

  /**
   * @param {keyof typeof EXIT_CODES} signal
   * @param {number} [code]
   */
  const stop = async (signal, code = EXIT_CODES[signal]) => {
    if (stopping) return;
    stopping = signal;
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    const exited = running.map(
      (w) => new Promise((resolve) => (w.isDead() ? resolve(undefined) : w.once("exit", resolve))),
    );
    for (const worker of running) worker.process.kill(signal);
    const kill = setTimeout(() => running.forEach((w) => w.process.kill("SIGKILL")), STOP_TIMEOUT_MS);
    await Promise.all(exited);
    clearTimeout(kill);
    log.info({ signal, workers: running.length }, "shutdown: every server process stopped");
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  try {
    await fork();
    await Promise.all(Array.from({ length: workers - 1 }, fork));
  } catch {
    // The worker said why (a bad environment, a port in use) before it exited.
    return stop("SIGTERM", 1);
  }
  started = true;
  log.info({ workers }, "server ready");
}

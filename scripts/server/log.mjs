// @ts-check
// The server processes' own log lines (started, restarted, drained), JSON like the app's
// (lib/log.ts) and to the same place (LOG_FILE, else stdout). They never carry request content.
import pino from "pino";

/** @type {pino.Logger | undefined} */
let instance;

export function logger() {
  instance ??= pino(
    { level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } },
    process.env.LOG_FILE ? pino.destination({ dest: process.env.LOG_FILE, sync: true }) : undefined,
  );
  return instance;
}

// @ts-check
// `npm start`: the production server, one process per core (primary.mjs), each serving the
// build in .next through Next's own request handler (worker.mjs). `npm run dev` runs the same
// server in one process with --dev. Options: -p/--port (else PORT, else 3000), -H/--hostname
// (else every interface), --dev; WEB_CONCURRENCY sets the number of processes (default: the
// cores this process may use).
import cluster from "node:cluster";
import os from "node:os";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { runPrimary } from "./primary.mjs";
import { serve } from "./worker.mjs";

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 * @param {number} max
 */
function whole(value, name, fallback, max) {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max)
    fail(`${name} must be a whole number from 1 to ${max}.`);
  return number;
}

let options;
try {
  options = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
      dev: { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : error}. Usage: npm start -- [-p PORT] [-H HOSTNAME]`);
}
const dev = options.dev ?? false;
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
// .env files, as Next reads them (it does so again in each worker; set values are kept).
nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });

const port = whole(options.port ?? process.env.PORT, "The port (-p or PORT)", 3000, 65_535);
// Dev compiles on demand, and one compiler is plenty.
const workers = dev
  ? 1
  : whole(process.env.WEB_CONCURRENCY, "WEB_CONCURRENCY", os.availableParallelism(), 256);

if (dev || !cluster.isPrimary) {
  serve({ port, hostname: options.hostname, dev }).catch((/** @type {unknown} */ error) =>
    fail(`The server could not start: ${error instanceof Error ? error.message : String(error)}`),
  );
} else {
  void runPrimary({ workers });
}

// The outbox worker: started with each server process (instrumentation), it delivers due
// emails every second and backs off on its own when the database is away. Any number of
// processes may run it at once (see claim()).
import "server-only";
import { describeError, isDbUnreachable } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { deliverClaimed } from "./deliver";
import { claim } from "./outbox";

const IDLE_MS = 1_000;
const BATCH = 10;

interface WorkerState {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  stopped: boolean;
  failures: number;
}

// On globalThis: dev hot reloads must not start a second worker in the same process.
const holder = globalThis as unknown as { __mailWorker?: WorkerState };

async function tick(state: WorkerState): Promise<void> {
  let claimed = 0;
  try {
    const rows = await claim({ limit: BATCH });
    claimed = rows.length;
    // The batch in parallel: rendering and SMTP round trips overlap (the transport pools connections).
    await Promise.all(rows.map(deliverClaimed));
    state.failures = 0;
  } catch (error) {
    state.failures += 1;
    // Once per run of failures, not at every back-off.
    if (state.failures === 1 && isDbUnreachable(error)) {
      log.warn({ err: describeError(error) }, "mail worker paused: database unavailable");
    } else if (state.failures === 1) {
      log.error({ err: describeError(error) }, "mail worker pass failed; retrying with back-off");
    }
  }
  if (state.stopped) return;
  // A full batch means more is waiting; failures back off up to 30 s.
  const wait = claimed === BATCH ? 0 : Math.min(30_000, IDLE_MS * 2 ** Math.min(state.failures, 5));
  state.timer = setTimeout(() => run(state), wait);
}

function run(state: WorkerState) {
  state.timer = undefined;
  state.running = tick(state).finally(() => (state.running = undefined));
}

export function startMailWorker(): void {
  if (holder.__mailWorker && !holder.__mailWorker.stopped) return;
  const state: WorkerState = { stopped: false, failures: 0 };
  holder.__mailWorker = state;
  state.timer = setTimeout(() => run(state), IDLE_MS);
}

/** Runs a pass now instead of at the next tick (after queueing mail). */
export function kickMailWorker(): void {
  const state = holder.__mailWorker;
  if (!state || state.stopped || state.running || !state.timer) return;
  clearTimeout(state.timer);
  run(state);
}

/** Stops taking new work and waits for the pass in flight. */
export async function stopMailWorker(): Promise<void> {
  const state = holder.__mailWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.running;
}

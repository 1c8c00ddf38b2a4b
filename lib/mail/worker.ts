// The outbox worker: started with each server process (instrumentation), it delivers due
// emails every second and backs off on its own when the database is away. Any number of
// processes may run it at once (see claim()).
import "server-only";
import { describeError, isDbUnreachable } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { deliverBatch } from "./deliver";
import { anyDue, claim } from "./outbox";

const IDLE_MS = 1_000;
// A burst of admin notifications up to this size goes out as one email per admin.
const BATCH = 50;
// A kick waits this long, so a busy minute's mail is claimed and delivered ten at a time instead
// of one claim transaction per message.
const KICK_DELAY_MS = 100;

interface WorkerState {
  timer?: NodeJS.Timeout;
  /** When the timer fires, ms since the epoch. */
  dueAt: number;
  running?: Promise<void>;
  /** Mail was queued during the pass that is running: the next pass comes soon. */
  kicked: boolean;
  stopped: boolean;
  failures: number;
}

// On globalThis: dev hot reloads must not start a second worker in the same process.
const holder = globalThis as unknown as { __mailWorker?: WorkerState };

async function tick(state: WorkerState): Promise<void> {
  let claimed = 0;
  try {
    // Idle, one cheap read instead of a claim transaction.
    const rows = (await anyDue()) ? await claim({ limit: BATCH }) : [];
    claimed = rows.length;
    // The batch in parallel: rendering and SMTP round trips overlap (the transport pools connections).
    await deliverBatch(rows);
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
  const idle =
    state.kicked && state.failures === 0 ? KICK_DELAY_MS : IDLE_MS * 2 ** Math.min(state.failures, 5);
  schedule(state, claimed === BATCH ? 0 : Math.min(30_000, idle));
}

function schedule(state: WorkerState, wait: number) {
  clearTimeout(state.timer);
  state.dueAt = Date.now() + wait;
  state.timer = setTimeout(() => run(state), wait);
}

function run(state: WorkerState) {
  state.timer = undefined;
  state.kicked = false;
  state.running = tick(state).finally(() => (state.running = undefined));
}

export function startMailWorker(): void {
  if (holder.__mailWorker && !holder.__mailWorker.stopped) return;
  const state: WorkerState = { stopped: false, failures: 0, kicked: false, dueAt: 0 };
  holder.__mailWorker = state;
  schedule(state, IDLE_MS);
}

/** Mail was queued: the next pass comes within KICK_DELAY_MS instead of at the next idle tick. */
export function kickMailWorker(): void {
  const state = holder.__mailWorker;
  if (!state || state.stopped) return;
  if (state.running) state.kicked = true;
  else if (state.dueAt > Date.now() + KICK_DELAY_MS) schedule(state, KICK_DELAY_MS);
}

/** Stops taking new work and waits for the pass in flight. */
export async function stopMailWorker(): Promise<void> {
  const state = holder.__mailWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.running;
}

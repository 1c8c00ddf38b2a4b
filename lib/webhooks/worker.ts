// The webhook worker: every server process runs it; it claims due deliveries (claimDue's locks
// make any number of processes safe) and sends them, a few at a time. A change that queued
// events kicks it, so they go out at once rather than at the next turn.
import "server-only";
import { describeError } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { attempt, claimDue } from "./deliver";

const EVERY_MS = 1_000;
const BATCH = 20;

const holder = globalThis as unknown as {
  __webhookWorker?: { timer?: NodeJS.Timeout; running: boolean; stopped: boolean };
};

async function pass(): Promise<void> {
  const state = holder.__webhookWorker;
  if (!state || state.running || state.stopped) return;
  state.running = true;
  try {
    for (;;) {
      const held = await claimDue(BATCH);
      await Promise.all(held.map((delivery) => attempt(delivery)));
      if (held.length < BATCH || state.stopped) break;
    }
  } catch (error) {
    log.warn({ err: describeError(error) }, "webhook worker pass failed; next turn in a second");
  } finally {
    state.running = false;
  }
}

export function startWebhookWorker(): () => void {
  if (!holder.__webhookWorker) {
    const state: { timer?: NodeJS.Timeout; running: boolean; stopped: boolean } = {
      running: false,
      stopped: false,
    };
    holder.__webhookWorker = state;
    state.timer = setInterval(() => void pass(), EVERY_MS);
    state.timer.unref();
  }
  return () => {
    const state = holder.__webhookWorker;
    if (state) {
      state.stopped = true;
      clearInterval(state.timer);
    }
    holder.__webhookWorker = undefined;
  };
}

/** After a commit that queued events: send them now (a no-op where the worker is not running). */
export function kickWebhookWorker(): void {
  void pass();
}

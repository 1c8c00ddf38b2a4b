// What both soaks (one server, and the cluster) check after their load: the queues drained,
// every acknowledged submit stored, every email sent received exactly once. Each returns the
// numbers to print and its problems, in words.
import { setTimeout as sleep } from "node:timers/promises";
import { rawQuery } from "@/tests/helpers/raw-db";

const problemsOf = (lines: (string | false)[]) => lines.filter((p): p is string => typeof p === "string");

/**
 * Waits while `countSql` (how many rows still wait) goes down: work that failed during an outage
 * is retried with backoff, and a minute of load queues thousands. Gives up after 10 minutes, or
 * 90 s without progress.
 */
export async function drain(countSql: string): Promise<{ waiting: number; seconds: number }> {
  const started = Date.now();
  let waiting = Infinity;
  let lastProgress = started;
  while (waiting > 0 && Date.now() - started < 600_000 && Date.now() - lastProgress < 90_000) {
    const now = Number((await rawQuery<{ n: number }>(countSql))[0]!.n);
    if (now < waiting) lastProgress = Date.now();
    waiting = now;
    if (waiting > 0) await sleep(2_000);
  }
  return { waiting, seconds: Math.round((Date.now() - started) / 1000) };
}

/** How many of the acknowledged submit ids are stored. */
export async function storedCount(acknowledged: number[]): Promise<{ stored: number; problems: string[] }> {
  const ids = [...new Set(acknowledged)];
  let stored = 0;
  for (let i = 0; i < ids.length; i += 1_000)
    stored += (
      await rawQuery<{ id: number }>("SELECT id FROM integration_submissions WHERE id IN (?)", [
        ids.slice(i, i + 1_000),
      ])
    ).length;
  return {
    stored,
    problems: problemsOf([
      stored !== ids.length && `${ids.length - stored} acknowledged submits are missing`,
    ]),
  };
}

/** The outbox's sent emails against the Message-IDs the SMTP sink received. */
export async function mailCheck(received: string[]) {
  // A digest carries several notifications: its rows share one Message-ID, sent once.
  const sent = (
    await rawQuery<{ m: string }>("SELECT DISTINCT message_id AS m FROM email_outbox WHERE status = 'sent'")
  ).map((row) => row.m);
  const got = new Set(received);
  const doubled = received.length - got.size;
  const unreceived = sent.filter((id) => !got.has(id)).length;
  return {
    sent: sent.length,
    received: got.size,
    doubled,
    problems: problemsOf([
      (unreceived > 0 || got.size !== sent.length) &&
        `${sent.length} emails marked sent, ${got.size} received (${unreceived} never arrived)`,
      doubled > 0 && `${doubled} emails delivered twice`,
    ]),
  };
}

/** "200×12 503×3" */
export const statusLine = (statuses: Map<number, number>) =>
  [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");

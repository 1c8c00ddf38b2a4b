// The soak's receivers (mail, webhooks) each run in a process of their own, so the load generator
// cannot starve them: a slow reply makes the sender try again what the receiver already has.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface SinkProcess<Report> {
  url: string;
  /** Passes a message to the receiver (its `told`). */
  tell(message: unknown): void;
  /** Everything it received; it stops after answering. */
  report(): Promise<Report>;
}

type Message = { url: string } | { report: unknown };

/** Starts the module at `moduleUrl` with `--serve`; it answers through serveSink. */
export async function forkSink<Report>(moduleUrl: string): Promise<SinkProcess<Report>> {
  const child = fork(fileURLToPath(moduleUrl), ["--serve"], {
    execArgv: ["--import", "tsx", "--conditions=react-server"],
  });
  const next = () => new Promise<Message>((resolve) => child.once("message", (m) => resolve(m as Message)));
  const ready = await next();
  if (!("url" in ready)) throw new Error(`${moduleUrl} did not start`);
  return {
    url: ready.url,
    tell: (message) => child.send({ tell: message }),
    async report() {
      const answer = next();
      child.send("report");
      const message = await answer;
      return ("report" in message ? message.report : undefined) as Report;
    },
  };
}

/** In the forked process: says where it listens, passes messages on, reports once and stops. */
export function serveSink<Report>(sink: {
  url: string;
  told?(message: unknown): void;
  report(): Report;
  close(): Promise<void>;
}): void {
  process.send!({ url: sink.url });
  process.on("message", async (message) => {
    if (message !== "report") return sink.told?.((message as { tell: unknown }).tell);
    // Only once the report has left: a large one is still being written when send() returns,
    // and disconnecting then would drop it.
    await new Promise((resolve) => process.send!({ report: sink.report() }, resolve));
    await sink.close();
    process.disconnect();
  });
}

// The soak's webhook receiver, in a process of its own (sink-process). It checks every signature
// with the Standard Webhooks reference library, answers 500 until it is told the outage is over,
// and keeps what it saw of each request, in arrival order.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { forkSink, serveSink } from "./sink-process";

export interface Arrival {
  id: string;
  answered: number;
  verified: boolean;
  type: string;
  submissionId: number | null;
  /** When the event was queued (the body's timestamp). */
  queuedAt: string;
}

/** Tell it `{ secret, downUntil }` (epoch ms) once the endpoint exists. */
export const webhookSink = () => forkSink<Arrival[]>(import.meta.url);

if (process.argv.includes("--serve")) {
  const arrivals: Arrival[] = [];
  let verifier: Webhook | undefined;
  let downUntil = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [
          name,
          String(req.headers[name]),
        ]),
      );
      let verified = false;
      try {
        verifier?.verify(body, headers);
        verified = verifier !== undefined;
      } catch {}
      const event = JSON.parse(body) as {
        type: string;
        timestamp: string;
        data: { submission?: { id: number } };
      };
      const answered = Date.now() < downUntil ? 500 : 200;
      arrivals.push({
        id: headers["webhook-id"]!,
        answered,
        verified,
        type: event.type,
        submissionId: event.data.submission?.id ?? null,
        queuedAt: event.timestamp,
      });
      res.writeHead(answered, { "content-type": "text/plain" }).end(answered === 200 ? "ok" : "down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serveSink({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    told(message) {
      const { secret, downUntil: until } = message as { secret: string; downUntil: number };
      verifier = new Webhook(secret);
      downUntil = until;
    },
    report: () => arrivals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

// CSV of every submission matching a filter, streamed a batch at a time so a million rows never
// sit in memory. Data is masked exactly as in the API lists. A few at a time per process: each
// is a long scan, and ten at once slowed every other request of the instance tenfold.
import "server-only";
import { errors } from "@/lib/http/errors";
import type { ListQuery } from "./schemas";
import { eachIntegration, type ListScope } from "./list-query";
import type { IntegrationDto } from "./serialize";

const COLUMNS: (keyof IntegrationDto)[] = [
  "id",
  "userId",
  "userEmail",
  "integrationType",
  "integrationName",
  "status",
  "source",
  "callbackUrl",
  "savedToServer",
  "submittedAt",
  "updatedAt",
  "data",
];

// Quote every field; a leading = + - @ would make a spreadsheet run it as a formula.
function cell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ""
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const MAX_CONCURRENT_EXPORTS = 2;
// What a client is told to wait when every slot is taken: a large export takes about this long.
const RETRY_AFTER_SECONDS = 30;
let running = 0;

/** The CSV as a stream; a 429 when this process already streams MAX_CONCURRENT_EXPORTS. */
export function csvStream(
  scope: ListScope,
  query: Omit<ListQuery, "limit" | "cursor">,
): ReadableStream<Uint8Array> {
  if (running >= MAX_CONCURRENT_EXPORTS) throw errors.rateLimited(RETRY_AFTER_SECONDS);
  running++;
  let released = false;
  const release = () => {
    if (!released) running--;
    released = true;
  };
  const encoder = new TextEncoder();
  const batches = eachIntegration(scope, query);
  let headerSent = false;
  return new ReadableStream({
    // pull() runs only when the client has read what was sent: backpressure all the way to MySQL.
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(COLUMNS.join(",") + "\r\n"));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) {
          release();
          return controller.close();
        }
        controller.enqueue(
          encoder.encode(
            next.value.map((row) => COLUMNS.map((c) => cell(row[c])).join(",") + "\r\n").join(""),
          ),
        );
      } catch (error) {
        release();
        throw error;
      }
    },
    // The client went away (or stopped reading): its slot is free again.
    async cancel() {
      release();
      await batches.return(undefined);
    },
  });
}

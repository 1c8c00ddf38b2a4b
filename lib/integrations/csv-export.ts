// CSV of every submission matching a filter, streamed a batch at a time so a million rows never
// sit in memory. Data is masked exactly as in the API lists.
import "server-only";
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
  const text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvStream(scope: ListScope, query: Omit<ListQuery, "limit" | "cursor">): ReadableStream<Uint8Array> {
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
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => COLUMNS.map((c) => cell(row[c])).join(",") + "\r\n").join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

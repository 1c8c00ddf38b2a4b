// What the soak's webhook receiver saw, held against what the database says was delivered: each
// event answered 2xx exactly once, every signature good, every acknowledged submit announced, and
// one submission's events never overtaking each other.
import type { Arrival } from "./webhook-sink";

export interface DeliveryRow {
  messageId: string;
  status: string;
}

export function webhookProblems(arrivals: Arrival[], rows: DeliveryRow[], acknowledged: number[]) {
  const delivered = arrivals.filter((a) => a.answered === 200);
  const ids = new Set(delivered.map((a) => a.id));
  const known = new Set(rows.map((row) => row.messageId));
  const created = new Set(
    delivered.filter((a) => a.type === "submission.created").map((a) => a.submissionId),
  );
  const bySubmission = new Map<number, Arrival[]>();
  for (const a of delivered)
    if (a.submissionId !== null)
      bySubmission.set(a.submissionId, [...(bySubmission.get(a.submissionId) ?? []), a]);
  const outOfOrder = [...bySubmission.values()].filter(
    (events) =>
      events[0]!.type !== "submission.created" ||
      events.some((a, i) => i > 0 && a.queuedAt < events[i - 1]!.queuedAt),
  ).length;
  const refused = arrivals.length - delivered.length;
  const waiting = rows.filter((row) => row.status !== "delivered").length;
  const summary =
    `webhooks: ${rows.length} events, ${delivered.length} delivered, ${refused} refused by the receiver's ` +
    `outage and sent again, ${waiting} not delivered`;
  const problems = [
    refused === 0 && "the receiver's outage refused nothing (the retry path went untested)",
    delivered.length !== ids.size && `${delivered.length - ids.size} webhook events delivered twice`,
    arrivals.some((a) => !a.verified) &&
      `${arrivals.filter((a) => !a.verified).length} webhook signatures did not verify`,
    waiting > 0 && `${waiting} webhook events not delivered`,
    rows.some((row) => row.status === "delivered" && !ids.has(row.messageId)) &&
      "some webhook events are marked delivered but never arrived",
    [...ids].some((id) => !known.has(id)) && "the receiver got webhook events the database does not know",
    acknowledged.some((id) => !created.has(id)) &&
      `${acknowledged.filter((id) => !created.has(id)).length} acknowledged submits were never announced`,
    outOfOrder > 0 && `${outOfOrder} submissions' webhook events arrived out of order`,
  ].filter((p): p is string => typeof p === "string");
  return { summary, problems };
}

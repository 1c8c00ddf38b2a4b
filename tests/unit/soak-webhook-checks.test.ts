import { describe, expect, it } from "vitest";
import { webhookProblems } from "@/scripts/soak/webhook-checks";
import type { Arrival } from "@/scripts/soak/webhook-sink";

// The soak's verdict on webhooks: each kind of loss it claims to catch, caught.
const arrival = (
  id: string,
  type: string,
  submissionId: number,
  queuedAt: string,
  answered = 200,
): Arrival => ({
  id,
  answered,
  verified: true,
  type,
  submissionId,
  queuedAt,
});
const good = [
  arrival("a", "submission.created", 1, "2026-01-01T00:00:00.000Z", 500),
  arrival("a", "submission.created", 1, "2026-01-01T00:00:00.000Z"),
  arrival("b", "submission.updated", 1, "2026-01-01T00:00:01.000Z"),
  arrival("c", "submission.created", 2, "2026-01-01T00:00:00.500Z"),
];
const rows = ["a", "b", "c"].map((messageId) => ({ messageId, status: "delivered" }));

describe("the soak's webhook checks", () => {
  it("pass a run where each event was answered 2xx once, in order, after a refusal", () => {
    expect(webhookProblems(good, rows, [1, 2]).problems).toEqual([]);
  });

  it("catch doubles, bad signatures, waiting or unknown events, unannounced submits and overtaking", () => {
    const cases: [Arrival[], typeof rows, number[], RegExp][] = [
      [[...good, good[2]!], rows, [1, 2], /1 webhook events delivered twice/],
      [good.map((a) => ({ ...a, verified: a.id !== "c" })), rows, [1, 2], /1 webhook signatures/],
      [good, [...rows, { messageId: "d", status: "pending" }], [1, 2], /1 webhook events not delivered/],
      [good.slice(0, 3), rows, [1, 2], /marked delivered but never arrived/],
      [good, rows.slice(0, 2), [1, 2], /the database does not know/],
      [good, rows, [1, 2, 3], /1 acknowledged submits were never announced/],
      [
        [good[0]!, good[2]!, good[1]!, good[3]!],
        rows,
        [1, 2],
        /1 submissions' webhook events arrived out of order/,
      ],
      [good.slice(1), rows, [1, 2], /refused nothing/],
    ];
    for (const [arrivals, stored, acknowledged, problem] of cases)
      expect(webhookProblems(arrivals, stored, acknowledged).problems.join("; ")).toMatch(problem);
  });
});

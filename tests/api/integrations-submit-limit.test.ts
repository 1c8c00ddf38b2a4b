import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";

beforeAll(() => {
  // Before this file's first env(): the production behaviour, with a small limit to reach.
  process.env.SUBMIT_LIMIT_PER_MINUTE = "5";
  process.env.NOTIFICATION_BATCH_SECONDS = "30";
});

const submit = async (user: TestUser, name: string, headers: Record<string, string> = {}) =>
  call((await import("@/app/api/integrations/submit/route")).POST, "/api/integrations/submit", {
    method: "POST",
    headers: { ...user.headers, ...headers },
    body: { integrationType: "lever", integrationName: name, data: { apiKey: "lv_0123456789abcdef" } },
  });

const countOf = async (user: TestUser) =>
  (
    await rawQuery<{ n: number }>("SELECT COUNT(*) AS n FROM integration_submissions WHERE user_id = ?", [
      user.id,
    ])
  )[0]!.n;

describe("submit limits and the admins' inboxes", () => {
  it("answers 429 with Retry-After past SUBMIT_LIMIT_PER_MINUTE, writing nothing; replays do not count", async () => {
    const user = await createTestUser();
    const first = await submit(user, "Lever 1", { "idempotency-key": "limit-replay" });
    expect(first.status).toBe(201);
    for (let n = 2; n <= 5; n++) expect((await submit(user, `Lever ${n}`)).status).toBe(201);
    // The same request again is answered from its key, not counted or refused.
    const replay = await submit(user, "Lever 1", { "idempotency-key": "limit-replay" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");

    const refused = await submit(user, "Lever 6");
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ success: false, code: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await countOf(user)).toBe(5);
    // Another user is not affected.
    expect((await submit(await createTestUser(), "Lever")).status).toBe(201);
  });

  it("holds the admins' notification for the batching window, so a burst becomes one email", async () => {
    const user = await createTestUser();
    const { json } = await submit(user, "Greenhouse");
    const [row] = await rawQuery<{ wait: number }>(
      "SELECT TIMESTAMPDIFF(SECOND, CURRENT_TIMESTAMP(3), next_attempt_at) AS wait FROM email_outbox WHERE submission_id = ?",
      [json.id],
    );
    expect(row!.wait).toBeGreaterThanOrEqual(28);
    expect(row!.wait).toBeLessThanOrEqual(30);
  });
});

import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { submission, submitRoute } from "@/tests/helpers/integrations";

const submit = async (user: TestUser, body: unknown, key?: string) =>
  call(await submitRoute(), "/api/integrations/submit", {
    method: "POST",
    headers: key ? { ...user.headers, "idempotency-key": key } : user.headers,
    body,
  });

const rowCount = async (userId: number) =>
  Number(
    (
      await rawQuery<{ n: number }>("SELECT COUNT(*) AS n FROM integration_submissions WHERE user_id = ?", [
        userId,
      ])
    )[0]!.n,
  );

describe("POST /api/integrations/submit with Idempotency-Key", () => {
  it("replays the first response for the same key and body and creates nothing new", async () => {
    const user = await createTestUser();
    const first = await submit(user, submission(), "key-1");
    const again = await submit(user, submission(), "key-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await rowCount(user.id)).toBe(1);
  });

  it("answers 409 for the same key with a different body, and changes nothing", async () => {
    const user = await createTestUser();
    await submit(user, submission(), "key-2");
    const other = await submit(user, submission({ integrationName: "Other" }), "key-2");
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ success: false, code: "idempotency_mismatch" });
    expect(await rowCount(user.id)).toBe(1);
  });

  it("keeps keys apart per user", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    const first = await submit(a, submission(), "shared-key");
    const second = await submit(b, submission(), "shared-key");
    expect(second.status).toBe(201);
    expect(second.json.id).not.toBe(first.json.id);
  });

  it("treats a key older than 24 hours as new", async () => {
    const user = await createTestUser();
    const first = await submit(user, submission(), "old-key");
    await rawQuery("UPDATE idempotency_keys SET created_at = NOW(3) - INTERVAL 25 HOUR WHERE user_id = ?", [
      user.id,
    ]);
    const later = await submit(user, submission({ integrationName: "Changed" }), "old-key");
    expect(later.status).toBe(201);
    expect(later.json.id).not.toBe(first.json.id);
    expect(await rowCount(user.id)).toBe(2);
  });

  it("answers 400 for an unusable key", async () => {
    const user = await createTestUser();
    const response = await submit(user, submission(), "x".repeat(256));
    expect(response.status).toBe(400);
    expect(response.json.details).toEqual([{ field: "Idempotency-Key", message: expect.any(String) }]);
    expect(await rowCount(user.id)).toBe(0);
  });

  it("creates exactly one row for 10 concurrent requests with one key, all answered alike", async () => {
    const user = await createTestUser();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => submit(user, submission(), "burst")),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => JSON.stringify(r.json))).size).toBe(1);
    expect(await rowCount(user.id)).toBe(1);
  });

  it("creates 30 rows for 30 concurrent submits without a key", async () => {
    const user = await createTestUser();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit(user, submission({ integrationName: `N${i}` }))),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(30);
    expect(await rowCount(user.id)).toBe(30);
  });
});

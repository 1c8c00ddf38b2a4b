import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser } from "@/tests/helpers/users";
import { submission, submitRoute } from "@/tests/helpers/integrations";
import { submitResponse } from "@/lib/integrations/api-responses";

const submit = async (headers: Record<string, string>, body: unknown) =>
  call(await submitRoute(), "/api/integrations/submit", { method: "POST", headers, body });

const rowCount = async (userId: number) =>
  Number(
    (
      await rawQuery<{ n: number }>("SELECT COUNT(*) AS n FROM integration_submissions WHERE user_id = ?", [
        userId,
      ])
    )[0]!.n,
  );

describe("POST /api/integrations/submit", () => {
  it("answers 201 with the id and the contract's message, owned by the caller", async () => {
    const user = await createTestUser();
    const response = await submit(user.headers, submission());
    expect(response.status).toBe(201);
    expect(submitResponse.parse(response.json)).toEqual({
      success: true,
      id: expect.any(Number),
      message: "JobAdder integration submitted successfully",
    });
    const [row] = await rawQuery("SELECT * FROM integration_submissions WHERE id = ?", [response.json.id]);
    expect(row).toMatchObject({
      user_id: user.id,
      user_email: user.email,
      status: "in_progress",
      saved_to_server: 1,
    });
  });

  it("never stores a credential in plaintext", async () => {
    const user = await createTestUser();
    const secret = "super-secret-value-4711";
    const { json } = await submit(
      user.headers,
      submission({ data: { apiKey: secret, nested: { password: "pw-123456789" } } }),
    );
    const [row] = await rawQuery<Record<string, unknown>>(
      "SELECT * FROM integration_submissions WHERE id = ?",
      [json.id],
    );
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain("pw-123456789");
    expect(String(row!.data)).toMatch(/^t1:/);
    const events = await rawQuery("SELECT * FROM integration_events WHERE submission_id = ?", [json.id]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("accepts a name of the full 255 characters and queues its email with a shortened subject", async () => {
    const user = await createTestUser();
    const name = `${"N".repeat(253)}😀`;
    const response = await submit(user.headers, submission({ integrationName: name }));
    expect(response.status).toBe(201);
    const mail = await rawQuery<{ subject: string; props: { integrationName: string } }>(
      "SELECT subject, props FROM email_outbox WHERE submission_id = ?",
      [response.json.id],
    );
    expect(mail).toHaveLength(1);
    expect(Array.from(mail[0]!.subject)).toHaveLength(200);
    expect(mail[0]!.subject).toMatch(/^New integration request: N+…$/);
    // The email itself still names the integration in full.
    expect(mail[0]!.props.integrationName).toBe(name);
  });

  it("defaults status to pending and writes a created event", async () => {
    const user = await createTestUser();
    const { json } = await submit(user.headers, submission({ status: undefined }));
    const [row] = await rawQuery("SELECT status FROM integration_submissions WHERE id = ?", [json.id]);
    expect(row).toEqual({ status: "pending" });
    const events = await rawQuery("SELECT type, actor_id FROM integration_events WHERE submission_id = ?", [
      json.id,
    ]);
    // Then one email_queued per notification recipient (here the bootstrap admin), by the system.
    expect(events).toEqual([
      { type: "created", actor_id: user.id },
      { type: "email_queued", actor_id: null },
    ]);
  });

  it("accepts userId/userEmail naming the caller (email or numeric id)", async () => {
    const user = await createTestUser();
    const byEmail = await submit(
      user.headers,
      submission({ userId: user.email, userEmail: user.email.toUpperCase() }),
    );
    expect(byEmail.status).toBe(201);
    const byId = await submit(user.headers, submission({ userId: String(user.id) }));
    expect(byId.status).toBe(201);
  });

  it("answers 403 when a non-admin names someone else, and stores nothing", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    for (const claim of [{ userEmail: other.email }, { userId: other.email }, { userId: other.id }]) {
      const response = await submit(user.headers, submission(claim));
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({ success: false, code: "forbidden" });
    }
    expect(await rowCount(user.id)).toBe(0);
    expect(await rowCount(other.id)).toBe(0);
  });

  it("lets an admin submit on behalf of an existing user, and answers 400 for an unknown one", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser();
    const response = await submit(admin.headers, submission({ userEmail: user.email }));
    expect(response.status).toBe(201);
    const [row] = await rawQuery("SELECT user_id, user_email FROM integration_submissions WHERE id = ?", [
      response.json.id,
    ]);
    expect(row).toEqual({ user_id: user.id, user_email: user.email });
    const byId = await submit(admin.headers, submission({ userId: user.id }));
    expect(byId.status).toBe(201);

    const unknown = await submit(admin.headers, submission({ userEmail: "nobody-here@example.test" }));
    expect(unknown.status).toBe(400);
    expect(unknown.json.details).toEqual([{ field: "userEmail", message: "names no existing user" }]);
    const mixed = await submit(admin.headers, submission({ userEmail: user.email, userId: admin.email }));
    expect(mixed.status).toBe(400);
  });

  it("answers 400 with details for every broken rule", async () => {
    const user = await createTestUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ integrationType: "Job Adder" }, "integrationType"],
      [{ integrationType: "x".repeat(65) }, "integrationType"],
      [{ integrationName: "" }, "integrationName"],
      [{ integrationName: " \t " }, "integrationName"],
      [{ integrationName: "n".repeat(256) }, "integrationName"],
      [{ data: [1, 2] }, "data"],
      [{ data: "text" }, "data"],
      [{ data: { a: { b: { c: { d: { e: { f: 1 } } } } } } }, "data"],
      [{ data: { a: [[[[[1]]]]] } }, "data"],
      [{ data: { blob: "x".repeat(33 * 1024) } }, "data"],
      [{ status: "done" }, "status"],
      [{ callbackUrl: "http://example.com/cb" }, "callbackUrl"],
      [{ callbackUrl: "/relative" }, "callbackUrl"],
      [{ source: "s".repeat(65) }, "source"],
      [{ id: 5 }, "id"],
      [{ savedToServer: false }, "savedToServer"],
      [{ submittedAt: "2024-01-01T00:00:00Z" }, "submittedAt"],
      [{ updatedAt: "2024-01-01T00:00:00Z" }, "updatedAt"],
    ];
    for (const [override, field] of cases) {
      const response = await submit(user.headers, submission(override));
      expect(response.status, JSON.stringify(override).slice(0, 80)).toBe(400);
      expect(response.json).toMatchObject({ success: false, code: "validation_failed" });
      expect(response.json.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const missing = await submit(user.headers, {});
    expect(missing.json.details.map((d: { field: string }) => d.field).sort()).toEqual([
      "data",
      "integrationName",
      "integrationType",
    ]);
    expect(await rowCount(user.id)).toBe(0);
  });

  it("accepts nesting of exactly 5 levels, http callbacks to localhost, and ignores unknown keys", async () => {
    const user = await createTestUser();
    const response = await submit(
      user.headers,
      submission({
        data: { a: { b: { c: { d: { e: 1 } } } } },
        callbackUrl: "http://localhost:3000/cb",
        extra: true,
      }),
    );
    expect(response.status).toBe(201);
  });

  it("answers 400 for malformed JSON, 415 for another content type, 413 over 64 KiB", async () => {
    const user = await createTestUser();
    const bad = await submit(user.headers, "{not json");
    expect(bad).toMatchObject({ status: 400, json: { code: "invalid_json" } });
    const text = await submit({ ...user.headers, "content-type": "text/plain" }, submission());
    expect(text).toMatchObject({ status: 415, json: { success: false, code: "unsupported_media_type" } });
    const huge = await submit(user.headers, submission({ data: { note: "x".repeat(70 * 1024) } }));
    expect(huge).toMatchObject({ status: 413, json: { success: false, code: "payload_too_large" } });
    expect(await rowCount(user.id)).toBe(0);
  });

  it("answers 400 for what JSON can spell but could not be kept as sent, and accepts a whole surrogate pair", async () => {
    const user = await createTestUser();
    const body = (name: string, data: string) =>
      `{"integrationType":"custom","integrationName":"${name}","data":${data}}`;
    for (const [text, field] of [
      [body("Job\\udfffAdder", "{}"), "integrationName"],
      [body("Job\\uD800", "{}"), "integrationName"],
      [body("Job", '{"notes":["ok","\\ud83d"]}'), "data.notes.1"],
      [body("Job", '{"\\udc00key":"x"}'), "data.\udc00key"],
    ] as const) {
      const response = await submit(user.headers, text);
      expect(response.status, text).toBe(400);
      expect(response.json.details, text).toEqual([{ field, message: expect.stringContaining("surrogate") }]);
    }
    for (const [text, field, message] of [
      [body("Job", '{"__proto__":{"apiKey":"x"}}'), "data.__proto__", "is a reserved key name"],
      [body("Job", '{"nested":{"\\u005f_proto__":1}}'), "data.nested.__proto__", "is a reserved key name"],
      [body("Job", '{"big":1e400}'), "data.big", "is a number too large to store"],
      [body("Job", '{"list":[1,-1e999]}'), "data.list.1", "is a number too large to store"],
    ] as const) {
      const response = await submit(user.headers, text);
      expect(response.status, text).toBe(400);
      expect(response.json.details, text).toEqual([{ field, message }]);
    }
    expect(await rowCount(user.id)).toBe(0);
    const emoji = await submit(user.headers, body("Job \\ud83d\\ude00", '{"note":"\\uD83D\\uDE00"}'));
    expect(emoji.status).toBe(201);
    const [row] = await rawQuery<{ integration_name: string }>(
      "SELECT integration_name FROM integration_submissions WHERE id = ?",
      [emoji.json.id],
    );
    expect(row!.integration_name).toBe("Job 😀");
  });

  it("answers 401 without a token or with a bad one", async () => {
    const none = await submit({ "content-type": "application/json" }, submission());
    expect(none).toMatchObject({ status: 401, json: { success: false, code: "unauthorized" } });
    const bad = await submit(
      { "content-type": "application/json", authorization: "Bearer not.a.jwt" },
      submission(),
    );
    expect(bad.status).toBe(401);
  });
});

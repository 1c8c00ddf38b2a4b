import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { submitAs } from "@/tests/helpers/integrations";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";

async function message(caller: TestUser, id: number | string, body: unknown) {
  const { POST } = await import("@/app/api/integrations/[id]/message/route");
  return call(POST, `/api/integrations/${id}/message`, {
    method: "POST",
    headers: caller.headers,
    params: { id: String(id) },
    body,
  });
}

describe("POST /api/integrations/{id}/message", () => {
  it("records the team's message in the history and emails the owner, the status unchanged", async () => {
    const [owner, admin] = [await createTestUser(), await createTestUser("admin")];
    const id = await submitAs(owner, { status: "in_progress" });
    const sent = await message(admin, id, { message: "  Could you add the Recruiting domain?  " });
    expect(sent.status).toBe(202);
    expect(sent.json).toEqual({ success: true, queued: true, message: "Message queued for the owner" });

    const [row] = await rawQuery<{ status: string; version: number }>(
      "SELECT status, version FROM integration_submissions WHERE id = ?",
      [id],
    );
    expect(row).toMatchObject({ status: "in_progress", version: 1 });
    const { GET } = await import("@/app/api/integrations/[id]/events/route");
    const history = await call(GET, `/api/integrations/${id}/events`, {
      headers: owner.headers,
      params: { id: String(id) },
    });
    expect(history.json.events).toContainEqual(
      expect.objectContaining({ type: "message", details: { note: "Could you add the Recruiting domain?" } }),
    );
    const mails = await rawQuery<{ recipient: string; template: string; props: Record<string, unknown> }>(
      "SELECT recipient, template, props FROM email_outbox WHERE submission_id = ? AND template = 'integration_message'",
      [id],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      recipient: owner.email,
      props: { message: "Could you add the Recruiting domain?", submissionId: id },
    });
  });

  it("is for admins, about a request that exists, with a message of 1 to 1,000 characters", async () => {
    const [owner, admin] = [await createTestUser(), await createTestUser("admin")];
    const id = await submitAs(owner);
    expect((await message(owner, id, { message: "hello" })).status).toBe(403);
    expect((await message(admin, 999_999_999, { message: "hello" })).status).toBe(404);
    for (const body of [{}, { message: "   " }, { message: "x".repeat(1001) }, { message: 7 }]) {
      const refused = await message(admin, id, body);
      expect([refused.status, refused.json.details[0].field], JSON.stringify(body)).toEqual([400, "message"]);
    }
    const [{ n }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_events WHERE submission_id = ? AND type = 'message'",
      [id],
    )) as [{ n: number }];
    expect(Number(n)).toBe(0);
  });
});

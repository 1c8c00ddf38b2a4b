import { describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser } from "../helpers/users";

// No SMTP_URL: the dev mailbox. Messages are "delivered" into the outbox for /admin/emails.
describe("dev mailbox", () => {
  it("delivers send-email into the mailbox with 200 and a message id", async () => {
    delete process.env.SMTP_URL;
    const admin = await createTestUser("admin");
    const { POST } = await import("@/app/api/integrations/send-email/route");
    const response = await call(POST, "/api/integrations/send-email", {
      headers: admin.headers,
      body: {
        integrationData: { integrationName: "Bullhorn" },
        recipientEmail: "someone@example.org",
        subject: "Hello",
        template: "integration_request",
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      success: true,
      message: "Email sent successfully",
      messageId: expect.stringMatching(/^<outbox-\d+@/),
    });
    const id = Number(/outbox-(\d+)@/.exec(response.json.messageId)![1]);
    const [row] = await rawQuery<{ status: string; subject: string }>(
      "SELECT status, subject FROM email_outbox WHERE id = ?",
      [id],
    );
    expect(row).toEqual({ status: "mailbox", subject: "Hello" });
  });
});

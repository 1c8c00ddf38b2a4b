import { beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { call } from "@/tests/helpers/call";
import { createTestUser } from "@/tests/helpers/users";
import { emailQueuedResponse } from "@/lib/integrations/api-responses";

beforeAll(async () => {
  // A port nothing listens on: the mail server is down.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 1}`;
});

describe("POST /api/integrations/send-email with the mail server down", () => {
  it("answers 202 queued, quickly", async () => {
    const user = await createTestUser();
    const started = Date.now();
    const response = await call(
      (await import("@/app/api/integrations/send-email/route")).POST,
      "/api/integrations/send-email",
      {
        method: "POST",
        headers: user.headers,
        body: {
          integrationData: { integrationName: "JobAdder" },
          recipientEmail: "admin@example.com",
          subject: "New Integration Request",
          template: "integration_request",
        },
      },
    );
    expect(response.status).toBe(202);
    expect(emailQueuedResponse.parse(response.json)).toEqual({
      success: true,
      queued: true,
      message: "Email queued for delivery",
    });
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});

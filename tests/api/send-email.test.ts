import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { startSmtpServer } from "@/tests/helpers/smtp";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { emailSentResponse } from "@/lib/integrations/api-responses";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Before the first env() of this file's fresh module graph.
  process.env.SMTP_URL = smtp.url;
  process.env.NOTIFICATION_RECIPIENTS = "ops@example.com, Admin@Example.com";
});
afterAll(() => smtp.close());

const send = async (user: TestUser, body: unknown, headers: Record<string, string> = {}) =>
  call((await import("@/app/api/integrations/send-email/route")).POST, "/api/integrations/send-email", {
    method: "POST",
    headers: { ...user.headers, ...headers },
    body,
  });

/** The message as a reader sees it: quoted-printable soft breaks and escapes undone. */
const decoded = (raw: string) =>
  raw
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const email = (overrides: Record<string, unknown> = {}) => ({
  integrationData: {
    integrationName: "JobAdder <b>",
    userEmail: "user@example.com",
    apiKey: "ja_live_0123456789abcdef",
  },
  recipientEmail: "ops@example.com",
  subject: "New Integration Request",
  template: "integration_request",
  ...overrides,
});

describe("POST /api/integrations/send-email", () => {
  it("delivers to a configured recipient: 200 with the message id, values escaped, secrets masked", async () => {
    const user = await createTestUser();
    const response = await send(user, email());
    expect(response.status).toBe(200);
    expect(emailSentResponse.parse(response.json).messageId).toBeTruthy();
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["ops@example.com"]);
    expect(mail.raw).toContain("Subject: New Integration Request");
    expect(mail.raw).toContain("JobAdder &lt;b&gt;");
    expect(mail.raw).not.toContain("ja_live_0123456789abcdef");
  });

  it("lets an admin send to anyone, a user only to the recipients (403 otherwise)", async () => {
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const before = smtp.received.length;
    const denied = await send(user, email({ recipientEmail: "victim@example.org" }));
    expect(denied).toMatchObject({ status: 403, json: { success: false, code: "forbidden" } });
    expect(smtp.received.length).toBe(before);
    expect((await send(user, email({ recipientEmail: "ADMIN@example.com" }))).status).toBe(200);
    expect((await send(admin, email({ recipientEmail: "victim@example.org" }))).status).toBe(200);
  });

  it("answers 400 for an unknown template, a subject with a line break or over 200 chars, a bad address", async () => {
    const user = await createTestUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ template: "welcome" }, "template"],
      [{ subject: "Hi\r\nBcc: victim@example.org" }, "subject"],
      [{ subject: "Hi\nthere" }, "subject"],
      [{ subject: "s".repeat(201) }, "subject"],
      [{ recipientEmail: "not-an-address" }, "recipientEmail"],
      [{ integrationData: "x" }, "integrationData"],
    ];
    for (const [override, field] of cases) {
      const response = await send(user, email(override));
      expect(response.status).toBe(400);
      expect(response.json.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await send(user, email(), { "content-type": "text/plain" })).status).toBe(415);
  });

  it("never lets a user's email speak for someone else, name a real status it is not, or carry a link", async () => {
    const { submitAs } = await import("@/tests/helpers/integrations");
    const victim = await createTestUser();
    const user = await createTestUser();
    const victims = await submitAs(victim, { integrationName: "Greenhouse", integrationType: "greenhouse" });
    const spoof = {
      userEmail: "ceo@example.com",
      userName: "CEO",
      integrationName: "Urgent: re-verify your password at https://evil.example/login",
      status: "approved_by_ceo",
    };
    const before = smtp.received.length;
    // Someone else's submission is as good as none: 404, nothing queued or sent.
    expect((await send(user, email({ integrationData: { ...spoof, id: victims } }))).status).toBe(404);
    expect(smtp.received.length).toBe(before);
    const [{ n }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM email_outbox WHERE submission_id = ? AND template = 'integration_request' AND recipient = 'ops@example.com' AND subject = 'New Integration Request'",
      [victims],
    )) as [{ n: number }];
    expect(n).toBe(0);

    expect(
      (await send(user, email({ integrationData: spoof, subject: "Log in at https://evil.example now" })))
        .status,
    ).toBe(200);
    const mail = decoded(smtp.received.at(-1)!.raw);
    expect(mail).toMatch(new RegExp(`Requested by:[^\\n]*${user.email.replace(/[.]/g, "\\.")}`));
    expect(mail).not.toContain("ceo@example.com");
    expect(mail).not.toMatch(/approved.by.ceo/);
    expect(mail).not.toContain("https://evil.example");
    expect(mail).toContain("https[:]//evil[.]example/login");
    expect(mail).toContain("Subject: Log in at https[:]//evil[.]example now");

    // The caller's own submission speaks for itself: its stored name, type and status.
    const own = await submitAs(user, {
      integrationName: "Lever",
      integrationType: "lever",
      status: "in_progress",
    });
    expect((await send(user, email({ integrationData: { ...spoof, id: own } }))).status).toBe(200);
    const ownMail = decoded(smtp.received.at(-1)!.raw);
    expect(ownMail).toContain("New integration request: Lever");
    expect(ownMail).toMatch(/Status:\s+In progress/);
    expect(ownMail).toContain(`/admin/${own}`);
  });

  it("answers 429 with Retry-After after 10 emails a minute from one user", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 10; i++) expect((await send(user, email())).status).toBe(200);
    const limited = await send(user, email());
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ success: false, code: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const [row] = await rawQuery("SELECT hits FROM rate_limits WHERE bucket = ?", [`send-email:${user.id}`]);
    expect(row).toEqual({ hits: 11 });
  });

  it("answers 401 without a token", async () => {
    const response = await call(
      (await import("@/app/api/integrations/send-email/route")).POST,
      "/api/integrations/send-email",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: email(),
      },
    );
    expect(response.status).toBe(401);
  });
});

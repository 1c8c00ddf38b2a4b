import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { submission, updateAs } from "../helpers/integrations";

// Every line this file's requests make the app log, at the most verbose level.
const logFile = path.join(mkdtempSync(path.join(tmpdir(), "ih-logs-")), "app.log");
const SECRETS = ["sk_live_LOGCHECK_1234567890", "hunter2-LOGCHECK-password", "oauth-LOGCHECK-client-secret"];

beforeAll(() => {
  process.env.LOG_FILE = logFile;
  process.env.LOG_LEVEL = "trace";
  process.env.SMTP_URL = "smtp://127.0.0.1:1";
});

describe("logs", () => {
  it("never contain a credential, password or token that went through the app, even on errors", async () => {
    const { createTestUser } = await import("../helpers/users");
    const user = await createTestUser();
    const { POST: submit } = await import("@/app/api/integrations/submit/route");
    const { GET: getOne } = await import("@/app/api/integrations/[id]/route");
    const { POST: token } = await import("@/app/api/auth/token/route");
    const { POST: sendEmail } = await import("@/app/api/integrations/send-email/route");

    const created = await call(submit, "/api/integrations/submit", {
      headers: user.headers,
      body: submission({ data: { apiKey: SECRETS[0], clientSecret: SECRETS[2] } }),
    });
    const id = String(created.json.id);
    await updateAs(user, Number(id), { data: { apiKey: SECRETS[0] }, status: "failed" });
    await call(getOne, `/api/integrations/${id}?reveal=true`, { headers: user.headers, params: { id } });
    await call(token, "/api/auth/token", {
      headers: { "content-type": "application/json" },
      body: { email: user.email, password: SECRETS[1] },
    });
    await call(sendEmail, "/api/integrations/send-email", {
      headers: user.headers,
      body: {
        integrationData: { integrationName: "X", apiKey: SECRETS[0] },
        recipientEmail: "admin@example.com",
        subject: "S",
        template: "integration_request",
      },
    });
    // An unexpected error: data that can no longer be decrypted, logged as a 500.
    const { rawQuery } = await import("../helpers/raw-db");
    await rawQuery("UPDATE integration_submissions SET data = CONCAT('gone:', data) WHERE id = ?", [id]);
    try {
      expect(
        (await call(getOne, `/api/integrations/${id}`, { headers: user.headers, params: { id } })).status,
      ).toBe(500);
    } finally {
      // Restored: other files read every row of the shared database (the export, admin lists).
      await rawQuery("UPDATE integration_submissions SET data = SUBSTRING(data, 6) WHERE id = ?", [id]);
    }

    const lines = readFileSync(logFile, "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      for (const secret of [...SECRETS, user.token, user.password]) expect(line).not.toContain(secret);
    }
    const failure = lines.map((l) => JSON.parse(l)).find((entry) => entry.msg === "unexpected error");
    expect(failure?.requestId).toMatch(/^[\w-]{8,}$/);
  });
});

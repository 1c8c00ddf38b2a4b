import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStored } from "@/tests/helpers/connections";
import { submission, submitAs } from "@/tests/helpers/integrations";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser } from "@/tests/helpers/users";

// A fake Greenhouse that accepts one key until told to refuse it (the customer revoked it).
const KEY = "gh_health_0123456789abcdef";
let accepting = true;
let calls = 0;
let fake: http.Server;

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    calls++;
    const ok =
      accepting && req.headers.authorization === `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(ok ? "[]" : '{"message":"SECRET-BODY"}');
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  // Before this file's first env().
  process.env.INTEGRATION_GREENHOUSE_API_URL = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  process.env.INTEGRATION_ALLOW_PRIVATE_URLS = "true";
  process.env.NOTIFICATION_RECIPIENTS = "ops@example.com,lead@example.com";
});
afterAll(() => fake.close());

const due = (id: number) =>
  rawQuery(
    "UPDATE integration_submissions SET connection_next_check_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?",
    [id],
  );

const stateOf = async (id: number) =>
  (
    await rawQuery<{ connection_status: string; connection_next_check_at: Date | null }>(
      "SELECT connection_status, connection_next_check_at FROM integration_submissions WHERE id = ?",
      [id],
    )
  )[0]!;

const attentionMails = (id: number) =>
  rawQuery<{ recipient: string; props: Record<string, unknown> }>(
    "SELECT recipient, props FROM email_outbox WHERE submission_id = ? AND template = 'connection_needs_attention' ORDER BY recipient",
    [id],
  );

describe("scheduled connection checks", () => {
  it("re-checks a connection when due, and emails owner and admins once when it stops working", async () => {
    const owner = await createTestUser();
    const id = await submitAs(
      owner,
      submission({
        integrationType: "greenhouse",
        integrationName: "Greenhouse",
        data: { harvestApiKey: KEY },
      }),
    );
    // Never checked: never scheduled.
    expect((await stateOf(id)).connection_next_check_at).toBeNull();
    const tested = await testStored(owner, id);
    expect(tested.json.connection.status).toBe("ok");
    // Scheduled about a day ahead (24 h ± 10 %).
    const next = (await stateOf(id)).connection_next_check_at!.getTime() - Date.now();
    expect(next).toBeGreaterThan(21 * 3_600_000);
    expect(next).toBeLessThan(27 * 3_600_000);

    const { checkDueConnections } = await import("@/lib/integrations/connection-health");
    accepting = false;
    await due(id);
    // Two processes at the same moment: the check runs once.
    const before = calls;
    await Promise.all([checkDueConnections(100), checkDueConnections(100)]);
    expect(calls - before).toBe(1);
    expect((await stateOf(id)).connection_status).toBe("failed");

    const mails = await attentionMails(id);
    expect(mails.map((m) => m.recipient)).toEqual(
      ["lead@example.com", "ops@example.com", owner.email].sort(),
    );
    const ownerMail = mails.find((m) => m.recipient === owner.email)!.props;
    expect(ownerMail).toMatchObject({
      audience: "owner",
      status: "failed",
      message: "Greenhouse answered 401: the credentials were refused",
      url: `http://localhost:3000/integrations/mine/${id}`,
    });
    expect(JSON.stringify(mails)).not.toContain(KEY);
    expect(JSON.stringify(mails)).not.toContain("SECRET-BODY");

    // Still failing at the next turn: checked again, but no second email.
    await due(id);
    await checkDueConnections(100);
    expect(await attentionMails(id)).toHaveLength(3);
    const history = await rawQuery<{ actor_id: number | null }>(
      "SELECT actor_id FROM integration_events WHERE submission_id = ? AND type = 'connection_tested' ORDER BY id",
      [id],
    );
    expect(history.map((e) => e.actor_id)).toEqual([owner.id, null, null]);

    // Working again, then failing again: that is a new change, so a new email.
    accepting = true;
    await due(id);
    await checkDueConnections(100);
    expect((await stateOf(id)).connection_status).toBe("ok");
    accepting = false;
    await due(id);
    await checkDueConnections(100);
    expect(await attentionMails(id)).toHaveLength(6);
    accepting = true;
  });

  it("renders the email with what to do, and no credential", async () => {
    const { renderTemplate } = await import("@/lib/mail/templates");
    const { subject, text } = await renderTemplate("connection_needs_attention", {
      integrationName: "JobAdder",
      status: "needs_reauth",
      message: "JobAdder answered 400 (invalid_grant) when renewing access: connect again",
      submissionId: 7,
      audience: "owner",
      url: "http://localhost:3000/integrations/mine/7",
    });
    expect(subject).toBe("JobAdder: the connection needs attention");
    expect(text).toContain("click Connect again");
    expect(text).toContain("Reconnect");
    expect(text).toContain("http://localhost:3000/integrations/mine/7");
  });
});

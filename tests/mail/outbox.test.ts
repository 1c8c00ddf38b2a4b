import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwnDatabase } from "../helpers/own-database";
import { rawQuery } from "../helpers/raw-db";
import { startSmtpServer } from "../helpers/smtp";
import { createTestUser } from "../helpers/users";
import { submitAs, updateAs } from "../helpers/integrations";

// Counts outbox rows, so it needs a database of its own; a real SMTP server plays the mail host.
withOwnDatabase("mail");
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.NOTIFICATION_RECIPIENTS = "ops@example.com,lead@example.com";
});
afterAll(() => smtp.close());

const outbox = () => import("@/lib/mail/outbox");
const worker = () => import("@/lib/mail/worker");

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("email outbox", () => {
  it("queues the admins' email with the submit and the worker delivers it: escaped, no credentials", async () => {
    const { startMailWorker, stopMailWorker } = await worker();
    startMailWorker();
    try {
      const user = await createTestUser();
      const id = await submitAs(user, {
        integrationName: "<script>alert(1)</script>",
        data: { apiKey: "sk_live_never_emailed_123" },
      });
      const rows = await rawQuery<{ recipient: string; template: string }>(
        "SELECT recipient, template FROM email_outbox WHERE submission_id = ? ORDER BY recipient",
        [id],
      );
      expect(rows).toEqual([
        { recipient: "lead@example.com", template: "integration_request" },
        { recipient: "ops@example.com", template: "integration_request" },
      ]);
      await until(() => smtp.received.filter((m) => m.raw.includes(`#${id}`)).length === 2);
      const mail = smtp.received.find((m) => m.to.includes("ops@example.com") && m.raw.includes(`#${id}`))!;
      expect(mail.raw).toContain("Subject: New integration request:");
      // HTML-escaped in the HTML part (the subject and text part carry it as the plain text it is).
      expect(mail.raw).toContain("&lt;script&gt;");
      expect(mail.raw).not.toContain("sk_live_never_emailed_123");
      expect(mail.raw).toContain("Content-Type: text/plain");
      await until(
        async () =>
          (
            await rawQuery<{ n: number }>(
              "SELECT COUNT(*) AS n FROM email_outbox WHERE submission_id = ? AND status = 'sent'",
              [id],
            )
          )[0]!.n === 2,
      );
      const events = await rawQuery<{ type: string }>(
        "SELECT type FROM integration_events WHERE submission_id = ? ORDER BY id",
        [id],
      );
      expect(events.filter((e) => e.type === "email_sent")).toHaveLength(2);
    } finally {
      await stopMailWorker();
    }
  });

  it("sends each admin one email for a burst of requests, listing them, and records it for each", async () => {
    const user = await createTestUser();
    // Submitted while no worker runs: all three are due together when it starts.
    const ids: number[] = [];
    for (const name of ["Lever", "Greenhouse", "Workday Recruiting"])
      ids.push(await submitAs(user, { integrationName: name }));
    const before = smtp.received.length;
    const { startMailWorker, stopMailWorker } = await worker();
    startMailWorker();
    try {
      await until(() => smtp.received.length === before + 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received.length).toBe(before + 2);
      for (const mail of smtp.received.slice(before)) {
        expect(mail.raw).toContain("Subject: 3 integration requests to review");
        for (const id of ids) expect(mail.raw).toContain(`#${id}`);
      }
      expect(
        smtp.received
          .slice(before)
          .flatMap((m) => m.to)
          .sort(),
      ).toEqual(["lead@example.com", "ops@example.com"]);
      await until(
        async () =>
          (
            await rawQuery<{ n: number }>(
              "SELECT COUNT(*) AS n FROM email_outbox WHERE submission_id IN (?) AND status = 'sent'",
              [ids],
            )
          )[0]!.n === 6,
      );
      const sent = await rawQuery<{ n: number }>(
        "SELECT COUNT(*) AS n FROM integration_events WHERE submission_id IN (?) AND type = 'email_sent'",
        [ids],
      );
      expect(sent[0]!.n).toBe(6);
    } finally {
      await stopMailWorker();
    }
  });

  it("emails the owner when an admin changes the status", async () => {
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const id = await submitAs(user, { status: "pending" });
    await updateAs(admin, id, { status: "completed" });
    const [row] = await rawQuery<{ id: number; recipient: string; props: string }>(
      "SELECT id, recipient, props FROM email_outbox WHERE submission_id = ? AND template = 'integration_status_changed'",
      [id],
    );
    expect(row!.recipient).toBe(user.email);
    const { deliverNow } = await import("@/lib/mail/deliver");
    expect(await deliverNow(row!.id, 5_000)).toMatchObject({ delivered: true });
    const mail = smtp.received.find((m) => m.to.includes(user.email))!;
    expect(mail.raw).toContain("Subject: Your JobAdder integration is now completed");
  });

  it("claims each due row once, however many workers ask at the same time", async () => {
    const { enqueue, claim } = await outbox();
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        enqueue({
          template: "integration_status_changed",
          recipient: `r${i}@example.com`,
          props: {
            integrationName: "Lever",
            from: "pending",
            to: "failed",
            myIntegrationsUrl: "http://localhost:3000/integrations/mine",
          },
        }),
      ),
    );
    // Rounds of five concurrent claimers: SKIP LOCKED lets each take rows the others have not
    // locked, so a round may leave rows for the next, but no row is ever claimed twice.
    const claimed: number[] = [];
    for (let round = 0; round < 20 && claimed.length < ids.length; round++) {
      const batches = await Promise.all(Array.from({ length: 5 }, () => claim({ limit: 10 })));
      claimed.push(
        ...batches
          .flat()
          .map((r) => r.id)
          .filter((id) => ids.includes(id)),
      );
    }
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
  });

  it("does not take a row that another worker claimed after this one selected it (engines where SKIP LOCKED locks nothing)", async () => {
    const { enqueue, claim, takeRows } = await outbox();
    const { transaction } = await import("@/db/transaction");
    const { emailOutbox } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const id = await enqueue({
      template: "integration_status_changed",
      recipient: "race@example.com",
      props: {
        integrationName: "Lever",
        from: "pending",
        to: "failed",
        myIntegrationsUrl: "http://localhost:3000/integrations/mine",
      },
    });
    const { db } = await import("@/db");
    // What a lock-free engine lets a second worker see: the row as it was before the first claim.
    const [stale] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect((await claim({ id })).map((row) => row.id)).toEqual([id]);
    expect(await transaction((tx) => takeRows(tx, [stale!]))).toEqual([]);
    const [row] = await rawQuery<{ attempts: number }>("SELECT attempts FROM email_outbox WHERE id = ?", [
      id,
    ]);
    expect(row!.attempts).toBe(1);

    // Some of a batch taken elsewhere: the whole claim is given back, the free row untouched.
    const free = await enqueue({
      template: "integration_status_changed",
      recipient: "race@example.com",
      props: {
        integrationName: "Lever",
        from: "pending",
        to: "failed",
        myIntegrationsUrl: "http://localhost:3000/integrations/mine",
      },
    });
    const [freeRow] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, free));
    await expect(transaction((tx) => takeRows(tx, [stale!, freeRow!]))).rejects.toThrow();
    const [untouched] = await rawQuery<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM email_outbox WHERE id = ?",
      [free],
    );
    expect(untouched).toEqual({ status: "pending", attempts: 0 });
  });

  it("keeps a message when the mail server is down, backs off, gives up after the last attempt, and can be re-queued", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const { vi } = await import("vitest");
    vi.resetModules();
    const { enqueue, claim, requeue, MAX_ATTEMPTS } = await outbox();
    const { deliverClaimed } = await import("@/lib/mail/deliver");
    const id = await enqueue({
      template: "integration_status_changed",
      recipient: "down@example.com",
      props: {
        integrationName: "Lever",
        from: "pending",
        to: "failed",
        myIntegrationsUrl: "http://localhost:3000/integrations/mine",
      },
    });
    const [first] = await claim({ id });
    expect(await deliverClaimed(first!)).toEqual({ delivered: false });
    const [row] = await rawQuery<{ status: string; attempts: number; last_error: string; wait: number }>(
      "SELECT status, attempts, last_error, TIMESTAMPDIFF(SECOND, CURRENT_TIMESTAMP(3), next_attempt_at) AS wait FROM email_outbox WHERE id = ?",
      [id],
    );
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(row!.wait).toBeGreaterThanOrEqual(5);
    expect(await claim({ id })).toEqual([]);

    await rawQuery(
      "UPDATE email_outbox SET attempts = ?, next_attempt_at = CURRENT_TIMESTAMP(3) WHERE id = ?",
      [MAX_ATTEMPTS - 1, id],
    );
    const [last] = await claim({ id });
    await deliverClaimed(last!);
    expect(
      (await rawQuery<{ status: string }>("SELECT status FROM email_outbox WHERE id = ?", [id]))[0]!.status,
    ).toBe("failed");

    expect(await requeue(id)).toBe(true);
    expect(
      (
        await rawQuery<{ status: string; attempts: number }>(
          "SELECT status, attempts FROM email_outbox WHERE id = ?",
          [id],
        )
      )[0],
    ).toEqual({ status: "pending", attempts: 0 });
    process.env.SMTP_URL = smtp.url;
    vi.resetModules();
  });

  it("takes back a row whose worker died mid-send once its lock runs out", async () => {
    const { enqueue, claim } = await outbox();
    const id = await enqueue({
      template: "integration_status_changed",
      recipient: "crash@example.com",
      props: {
        integrationName: "Lever",
        from: "pending",
        to: "failed",
        myIntegrationsUrl: "http://localhost:3000/integrations/mine",
      },
    });
    expect(await claim({ id })).toHaveLength(1);
    expect(await claim({ id })).toHaveLength(0);
    await rawQuery(
      "UPDATE email_outbox SET locked_until = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?",
      [id],
    );
    expect(await claim({ id })).toHaveLength(1);
  });
});

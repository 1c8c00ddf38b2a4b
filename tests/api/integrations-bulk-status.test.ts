import { describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { withOwnDatabase } from "../helpers/own-database";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser } from "../helpers/users";
import { submitAs } from "../helpers/integrations";

withOwnDatabase("bulk");

const bulk = async (headers: Record<string, string>, body: unknown) =>
  call((await import("@/app/api/integrations/bulk-status/route")).POST, "/api/integrations/bulk-status", {
    headers,
    body,
  });

describe("POST /api/integrations/bulk-status", () => {
  it("sets the status of every matching submission through the normal update (events and owner emails)", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser();
    const lever = [
      await submitAs(user, { integrationType: "lever", integrationName: "Lever", status: "pending" }),
      await submitAs(user, { integrationType: "lever", integrationName: "Lever", status: "completed" }),
    ];
    const other = await submitAs(user, {
      integrationType: "bullhorn",
      integrationName: "Bullhorn",
      status: "pending",
    });
    const response = await bulk(admin.headers, { status: "completed", filter: { type: "lever" } });
    expect(response).toMatchObject({ status: 200, json: { success: true, matched: 2, updated: 1 } });
    const rows = await rawQuery<{ id: number; status: string }>(
      "SELECT id, status FROM integration_submissions WHERE id IN (?) ORDER BY id",
      [[...lever, other]],
    );
    expect(rows.map((r) => r.status)).toEqual(["completed", "completed", "pending"]);
    const emails = await rawQuery(
      "SELECT id FROM email_outbox WHERE submission_id = ? AND template = 'integration_status_changed'",
      [lever[0]],
    );
    expect(emails).toHaveLength(1);
  });

  it("refuses non-admins and a filter matching more than the bulk limit, changing nothing", async () => {
    const user = await createTestUser();
    expect((await bulk(user.headers, { status: "failed", filter: {} })).status).toBe(403);
    const admin = await createTestUser("admin");
    const { seed } = await import("@/lib/demo/seed");
    await seed({ rows: 5_001 });
    const [{ n: before }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_events",
    )) as [{ n: number }];
    const refused = await bulk(admin.headers, { status: "failed", filter: {} });
    expect(refused.status).toBe(400);
    expect(refused.json.details[0].message).toMatch(/narrow it to at most 5000/);
    // A body that forgot its filter does not mean "everything": {} has to say so.
    const unfiltered = await bulk(admin.headers, { status: "failed" });
    expect(unfiltered.status).toBe(400);
    expect(unfiltered.json.details).toEqual([
      { field: "filter", message: "is required; send {} to mean every submission" },
    ]);
    const [{ n: after }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_events",
    )) as [{ n: number }];
    expect(after).toBe(before);
  });
});

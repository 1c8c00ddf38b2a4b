import { describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { withOwnDatabase } from "../helpers/own-database";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser } from "../helpers/users";
import { submitAs } from "../helpers/integrations";

// Compares list counts with COUNT(*) over the whole table: its own database.
withOwnDatabase("counts");

describe("count from submission_counts", () => {
  it("stays exact through seeding, submits and concurrent status changes, for every status/type filter", async () => {
    const { seed } = await import("@/lib/demo/seed");
    await seed({ rows: 3_000 });
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => submitAs(user, { integrationType: i % 2 ? "lever" : "greenhouse", integrationName: "X", status: "pending" })));
    const { PUT } = await import("@/app/api/integrations/[id]/update/route");
    const move = (id: number, status: string) =>
      call(PUT, `/api/integrations/${id}/update`, { method: "PUT", headers: admin.headers, body: { status }, params: { id: String(id) } });
    // Opposite moves at once on the same type: they lock the two count rows in the same order.
    await Promise.all(ids.flatMap((id, i) => [move(id, i % 3 ? "completed" : "failed"), move(ids[(i + 1) % ids.length]!, "in_progress")]));

    const { GET } = await import("@/app/api/integrations/all/route");
    for (const query of ["", "?status=pending", "?status=completed,failed", "?type=lever", "?status=in_progress&type=greenhouse", "?type=nothing-here"]) {
      const params = new URLSearchParams(query);
      const where = [
        params.get("status") ? `status IN (${params.get("status")!.split(",").map((s) => `'${s}'`).join(",")})` : "1",
        params.get("type") ? `integration_type = '${params.get("type")}'` : "1",
      ].join(" AND ");
      const [{ n }] = (await rawQuery<{ n: number }>(`SELECT COUNT(*) AS n FROM integration_submissions WHERE ${where}`)) as [{ n: number }];
      const { json } = await call(GET, `/api/integrations/all${query}${query ? "&" : "?"}limit=1`, { headers: admin.headers });
      expect([query, json.count]).toEqual([query, Number(n)]);
    }
  });
});

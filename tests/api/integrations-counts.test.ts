import { describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { withOwnDatabase } from "../helpers/own-database";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser } from "../helpers/users";
import { submitAs, updateAs } from "../helpers/integrations";

// Compares list counts with COUNT(*) over the whole table: its own database.
withOwnDatabase("counts");

describe("counts from submission_counts and submission_groups", () => {
  it("stays exact through seeding, submits and concurrent status changes, for every status/type filter", async () => {
    const { seed } = await import("@/lib/demo/seed");
    await seed({ rows: 3_000 });
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        submitAs(user, {
          integrationType: i % 2 ? "lever" : "greenhouse",
          integrationName: "X",
          status: "pending",
        }),
      ),
    );
    const move = (id: number, status: string) => updateAs(admin, id, { status });
    // Opposite moves at once on the same type: they lock the two count rows in the same order.
    await Promise.all(
      ids.flatMap((id, i) => [
        move(id, i % 3 ? "completed" : "failed"),
        move(ids[(i + 1) % ids.length]!, "in_progress"),
      ]),
    );

    const { GET } = await import("@/app/api/integrations/all/route");
    for (const query of [
      "",
      "?status=pending",
      "?status=completed,failed",
      "?type=lever",
      "?status=in_progress&type=greenhouse",
      "?type=nothing-here",
    ]) {
      const params = new URLSearchParams(query);
      const where = [
        params.get("status")
          ? `status IN (${params
              .get("status")!
              .split(",")
              .map((s) => `'${s}'`)
              .join(",")})`
          : "1",
        params.get("type") ? `integration_type = '${params.get("type")}'` : "1",
      ].join(" AND ");
      const [{ n }] = (await rawQuery<{ n: number }>(
        `SELECT COUNT(*) AS n FROM integration_submissions WHERE ${where}`,
      )) as [{ n: number }];
      const { json } = await call(GET, `/api/integrations/all${query}${query ? "&" : "?"}limit=1`, {
        headers: admin.headers,
      });
      expect([query, json.count]).toEqual([query, Number(n)]);
    }
  });

  it("answers search and owner filters from the groups with the exact count and exactly the matching rows", async () => {
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const ids = await Promise.all(
      ["Lever Prod", "LEVER sandbox", "100% Greenhouse_", "Workday"].map((integrationName, i) =>
        submitAs(user, {
          integrationType: i === 3 ? "workday" : "custom",
          integrationName,
          status: "pending",
        }),
      ),
    );
    await updateAs(admin, ids[0]!, { status: "failed" });

    const { GET } = await import("@/app/api/integrations/all/route");
    const cases: [string, string][] = [
      [
        "q=lever",
        "(integration_name LIKE '%lever%' OR integration_type LIKE '%lever%' OR user_email LIKE '%lever%')",
      ],
      [
        "q=lever&status=failed",
        "(integration_name LIKE '%lever%' OR integration_type LIKE '%lever%' OR user_email LIKE '%lever%') AND status = 'failed'",
      ],
      ["q=100%25", "integration_name LIKE '%100\\%%'"],
      ["q=_", "(integration_name LIKE '%\\_%' OR integration_type LIKE '%\\_%' OR user_email LIKE '%\\_%')"],
      [`q=${encodeURIComponent(user.email)}`, `user_email = '${user.email}'`],
      ["q=user0&type=greenhouse", "user_email LIKE '%user0%' AND integration_type = 'greenhouse'"],
      [`userId=${user.id}`, `user_id = ${user.id}`],
      [
        `userId=${user.id}&q=work`,
        `user_id = ${user.id} AND (integration_name LIKE '%work%' OR integration_type LIKE '%work%' OR user_email LIKE '%work%')`,
      ],
      ["q=nothing-matches-this", "0"],
    ];
    for (const [query, where] of cases) {
      const expected = await rawQuery<{ id: number }>(
        `SELECT id FROM integration_submissions WHERE ${where} ORDER BY submitted_at DESC, id DESC`,
      );
      const { json } = await call(GET, `/api/integrations/all?${query}&limit=1000`, {
        headers: admin.headers,
      });
      expect([query, json.count]).toEqual([query, expected.length]);
      expect([query, json.integrations.map((row: { id: number }) => row.id)]).toEqual([
        query,
        expected.map((row) => Number(row.id)),
      ]);
    }
  });
});

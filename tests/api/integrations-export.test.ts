import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "../helpers/own-database";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser } from "../helpers/users";

// Counts rows: its own database.
withOwnDatabase("export");

const exportCsv = async (headers: Record<string, string>, query = "") => {
  const { GET } = await import("@/app/api/integrations/export/route");
  return GET(new Request(`http://localhost:3000/api/integrations/export${query}`, { headers }), {
    params: Promise.resolve({}),
  });
};

describe("GET /api/integrations/export", () => {
  it("streams every matching row as CSV across many batches, with secrets masked", async () => {
    const { seed } = await import("@/lib/demo/seed");
    await seed({ rows: 2_345 });
    const admin = await createTestUser("admin");
    const response = await exportCsv(admin.headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="integrations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).trimEnd().split("\r\n");
    const [{ n }] = (await rawQuery<{ n: number }>("SELECT COUNT(*) AS n FROM integration_submissions")) as [
      { n: number },
    ];
    expect(lines[0]).toBe(
      "id,userId,userEmail,integrationType,integrationName,status,source,callbackUrl,savedToServer,submittedAt,updatedAt,data",
    );
    expect(lines).toHaveLength(n + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(n);

    const { openData } = await import("@/lib/crypto/data-cipher");
    const [stored] = await rawQuery<{ id: number; data: string }>(
      "SELECT id, data FROM integration_submissions WHERE integration_type = 'greenhouse' LIMIT 1",
    );
    const secret = String(openData(stored!.data).harvestApiKey);
    const line = lines.find((l) => l.startsWith(`"${stored!.id}",`))!;
    expect(line).not.toContain(secret);
    expect(line).toContain(`••••${secret.slice(-4)}`);
  });

  it("applies the list filters and refuses non-admins", async () => {
    const admin = await createTestUser("admin");
    const lines = (await (await exportCsv(admin.headers, "?status=failed&type=lever")).text())
      .trimEnd()
      .split("\r\n");
    const [{ n }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_submissions WHERE status = 'failed' AND integration_type = 'lever'",
    )) as [{ n: number }];
    expect(lines).toHaveLength(n + 1);
    const user = await createTestUser();
    expect((await exportCsv(user.headers)).status).toBe(403);
  });

  it("keeps a value that starts like a formula from running in a spreadsheet", async () => {
    const admin = await createTestUser("admin");
    const { submitAs } = await import("../helpers/integrations");
    await submitAs(admin, { integrationName: '=HYPERLINK("http://evil")', integrationType: "custom" });
    const text = await (await exportCsv(admin.headers, "?type=custom&q=HYPERLINK")).text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("streams at most two exports at a time per process; a third waits with 429, and a finished one frees its slot", async () => {
    const admin = await createTestUser("admin");
    // Unread bodies keep their exports open, as slow downloads do.
    const open = [await exportCsv(admin.headers), await exportCsv(admin.headers)];
    expect(open.map((r) => r.status)).toEqual([200, 200]);
    const refused = await exportCsv(admin.headers);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect((await refused.json()).code).toBe("rate_limited");

    await open[0]!.body!.cancel();
    const next = await exportCsv(admin.headers, "?type=lever");
    expect(next.status).toBe(200);
    await next.text();
    await open[1]!.text();
    const after = await exportCsv(admin.headers, "?type=lever");
    expect(after.status).toBe(200);
    await after.text();
  });
});

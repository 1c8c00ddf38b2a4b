import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { withOwnDatabase } from "@/tests/helpers/own-database";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { listResponse } from "@/lib/integrations/api-responses";
import { sortKeys } from "@/lib/integrations/schemas";

// A search whose matches lie too thinly in every index range that could list them: 250 names
// "Acme zz <n>" (more than a plan takes as a list of ranges) among 10,000 "Plain custom"
// submissions of the same owner, type and status. Listing it would read some 40 rows per row
// shown, so it is answered at once with 400 search_too_broad and what to narrow. Counts rows:
// its own database.
withOwnDatabase("list_hint");

let admin: TestUser;
let owner: TestUser;

const PLAIN = 10_000;
const NAMED = 250;

beforeAll(async () => {
  admin = await createTestUser("admin");
  owner = await createTestUser("user");
  const { sealData } = await import("@/lib/crypto/data-cipher");
  const digits =
    "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
  const numbers = `SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1 AS n FROM ${digits} a, ${digits} b, ${digits} c, ${digits} e`;
  const insert = (name: string, count: number) =>
    rawQuery(
      `INSERT INTO integration_submissions (user_id, user_email, integration_type, integration_name, status, data)
       SELECT ?, ?, 'custom', ${name}, 'pending', ? FROM (${numbers}) AS numbers WHERE n <= ?`,
      [owner.id, owner.email, sealData({ apiKey: "hint-test-secret" }), count],
    );
  await insert("'Plain custom'", PLAIN);
  await insert("CONCAT('Acme zz ', n)", NAMED);
  // What the writers keep in their transactions, for rows inserted behind their back.
  await rawQuery(
    "INSERT INTO submission_groups (user_id, user_email, integration_type, integration_name, status, n) SELECT user_id, user_email, integration_type, integration_name, status, COUNT(*) FROM integration_submissions GROUP BY 1, 2, 3, 4, 5",
  );
  await rawQuery(
    "INSERT INTO submission_counts (status, integration_type, n) SELECT status, integration_type, COUNT(*) FROM integration_submissions GROUP BY 1, 2",
  );
}, 60_000);

const all = async (query: string) => {
  const { GET } = await import("@/app/api/integrations/all/route");
  return call(GET, `/api/integrations/all?${query}`, { headers: admin.headers });
};

describe("a search too thinly spread to list", () => {
  it("is answered with 400 search_too_broad naming q and how many it matches, for every sort and page size", async () => {
    for (const key of sortKeys) {
      for (const sort of [key, `-${key}`]) {
        for (const limit of ["&limit=50", "", "&limit=1000"]) {
          const response = await all(`q=zz&sort=${sort}${limit}`);
          expect(response.status, `${sort} ${limit}`).toBe(400);
          expect(response.json).toMatchObject({
            success: false,
            code: "search_too_broad",
            details: [{ field: "q" }],
          });
          expect(response.json.details[0].message).toContain(`matches ${NAMED} submissions`);
        }
      }
    }
  });

  it("is answered the same on the owner's own list", async () => {
    const { GET } = await import("@/app/api/integrations/route");
    const response = await call(GET, "/api/integrations?q=zz", { headers: owner.headers });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe("search_too_broad");
  });

  it("lists a narrower search whose names fit in a list of ranges", async () => {
    // "Acme zz 1", "Acme zz 10" … "Acme zz 19", "Acme zz 100" … "Acme zz 199".
    const response = await all("q=zz%201&limit=1000&sort=integrationName");
    expect(response.status).toBe(200);
    const page = listResponse.parse(response.json);
    expect(page.count).toBe(111);
    expect(page.integrations).toHaveLength(111);
    expect(page.integrations.every((row) => row.integrationName.startsWith("Acme zz 1"))).toBe(true);
  });

  it("still exports every match: a CSV reads to the end whatever it costs", async () => {
    const { GET } = await import("@/app/api/integrations/export/route");
    const response = await call(GET, "/api/integrations/export?q=zz", { headers: admin.headers });
    expect(response.status).toBe(200);
    expect(response.text.trimEnd().split("\r\n")).toHaveLength(NAMED + 1);
  });
});

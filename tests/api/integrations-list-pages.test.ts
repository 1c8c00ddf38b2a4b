import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { submitAs } from "@/tests/helpers/integrations";

const mine = async (user: TestUser, query: string) =>
  call((await import("@/app/api/integrations/route")).GET, `/api/integrations${query}`, {
    headers: user.headers,
  });

/** Every page from the first, following nextCursor: the ids in order and each page's size. */
async function walk(user: TestUser, limit: number) {
  const ids: number[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const { status, json } = await mine(
      user,
      `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(status).toBe(200);
    ids.push(...json.integrations.map((row: { id: number }) => row.id));
    sizes.push(json.integrations.length);
    cursor = json.nextCursor;
  } while (cursor);
  return { ids, sizes };
}

const newestFirst = async (user: TestUser) =>
  (
    await rawQuery<{ id: number }>(
      "SELECT id FROM integration_submissions WHERE user_id = ? ORDER BY submitted_at DESC, id DESC",
      [user.id],
    )
  ).map((row) => Number(row.id));

describe("pages larger than one read", () => {
  it("returns exactly limit rows read in chunks, in order, with nothing lost or repeated across pages", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 23; i++) await Promise.all(Array.from({ length: 10 }, () => submitAs(user)));
    const expected = await newestFirst(user);
    const whole = await mine(user, "?limit=1000");
    expect(whole.json.integrations.map((row: { id: number }) => row.id)).toEqual(expected);
    expect(whole.json.nextCursor).toBeNull();
    expect(whole.json.count).toBe(230);
    const paged = await walk(user, 150);
    expect(paged.sizes).toEqual([150, 80]);
    expect(paged.ids).toEqual(expected);
  });

  it("cuts a page of very large rows at its byte budget and continues it with the cursor", async () => {
    const user = await createTestUser();
    const big = { notes: "x".repeat(30_000), apiKey: "big-secret-value-1234" };
    for (let i = 0; i < 8; i++) {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          submitAs(user, { integrationType: "bulkdata", integrationName: "Bulk", data: big }),
        ),
      );
    }
    const expected = await newestFirst(user);
    const paged = await walk(user, 100);
    expect(paged.sizes[0]).toBeLessThan(80);
    expect(paged.sizes[0]).toBeGreaterThan(30);
    expect(paged.ids).toEqual(expected);
  });
});

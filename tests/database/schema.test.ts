import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { integrationSubmissions, users } from "@/db/schema";
import { rawQuery, uniqueEmail } from "../helpers/raw-db";

async function newUser(label = "schema") {
  const email = uniqueEmail(label);
  const [result] = await db().insert(users).values({ email, name: "Zoë Ünïcode 🚀" });
  return { id: result.insertId, email };
}

describe("schema round-trip", () => {
  it("stores a user with defaults and reads it back unchanged", async () => {
    const { id, email } = await newUser();
    const [user] = await db().select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({
      email,
      name: "Zoë Ünïcode 🚀",
      role: "user",
      disabled: false,
      passwordHash: null,
    });
    expect(Math.abs(user!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("keeps email unique", async () => {
    const { email } = await newUser();
    await expect(db().insert(users).values({ email })).rejects.toThrow();
  });

  it("stores every submission column and keeps timestamps in UTC to the millisecond", async () => {
    const owner = await newUser();
    const submittedAt = new Date("2024-01-15T10:30:00.123Z");
    const [result] = await db().insert(integrationSubmissions).values({
      userId: owner.id,
      userEmail: owner.email,
      integrationType: "jobadder",
      integrationName: "JobAdder",
      status: "in_progress",
      data: "k1:iv:tag:ct",
      callbackUrl: "https://app.example.com/cb",
      source: "integration_overview",
      savedToServer: true,
      submittedAt,
      updatedAt: submittedAt,
    });
    const [row] = await db()
      .select()
      .from(integrationSubmissions)
      .where(eq(integrationSubmissions.id, result.insertId));
    expect(row).toMatchObject({
      userId: owner.id,
      status: "in_progress",
      savedToServer: true,
      version: 1,
      callbackUrl: "https://app.example.com/cb",
    });
    expect(row!.submittedAt.toISOString()).toBe("2024-01-15T10:30:00.123Z");
    const [raw] = await rawQuery<{ s: string }>(
      "SELECT DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i:%s.%f') AS s FROM integration_submissions WHERE id = ?",
      [result.insertId],
    );
    expect(raw!.s).toBe("2024-01-15 10:30:00.123000");
  });

  it("defaults status to pending and refuses an unknown owner or status", async () => {
    const owner = await newUser();
    const base = { userEmail: owner.email, integrationType: "lever", integrationName: "Lever", data: "x" };
    const [result] = await db()
      .insert(integrationSubmissions)
      .values({ ...base, userId: owner.id });
    const [row] = await db()
      .select()
      .from(integrationSubmissions)
      .where(eq(integrationSubmissions.id, result.insertId));
    expect(row!.status).toBe("pending");
    await expect(
      db()
        .insert(integrationSubmissions)
        .values({ ...base, userId: 999_999_999 }),
    ).rejects.toThrow();
    await expect(
      rawQuery(
        "INSERT INTO integration_submissions (user_id, user_email, integration_type, integration_name, data, status) VALUES (?, 'a', 'b', 'c', 'd', 'bogus')",
        [owner.id],
      ),
    ).rejects.toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { seed, DEMO_USER } from "@/lib/demo/seed";
import { verifyPassword } from "@/lib/auth/password";
import { openData } from "@/lib/crypto/data-cipher";
import { rawQuery } from "../helpers/raw-db";
import { withOwnDatabase } from "../helpers/own-database";

// Counts rows, so it needs a database no other file writes to.
withOwnDatabase("seed");

describe("seed", () => {
  it("creates the admin and demo user, a demo set once, and N more rows on request", async () => {
    const first = await seed();
    const again = await seed();
    expect(first.inserted).toBe(60);
    expect(again.inserted).toBe(0);

    const people = await rawQuery<{ email: string; role: string; password_hash: string }>(
      "SELECT email, role, password_hash FROM users WHERE email IN ('admin@example.com', ?)",
      [DEMO_USER.email],
    );
    expect(people.map((p) => [p.email, p.role]).sort()).toEqual([
      ["admin@example.com", "admin"],
      [DEMO_USER.email, "user"],
    ]);
    const admin = people.find((p) => p.role === "admin")!;
    expect(await verifyPassword(admin.password_hash, "admin-password")).toBe(true);

    // The demo set comes with the history the app would have written for it.
    const history = await rawQuery<{ status: string; types: string }>(
      `SELECT s.status, GROUP_CONCAT(e.type ORDER BY e.id) AS types
       FROM integration_submissions s LEFT JOIN integration_events e ON e.submission_id = s.id GROUP BY s.id, s.status`,
    );
    expect(history).toHaveLength(60);
    for (const row of history) {
      expect(row.types, row.status).toBe(row.status === "pending" ? "created" : "created,status_changed");
    }

    const [before] = await rawQuery<{ n: number }>("SELECT COUNT(*) AS n FROM integration_submissions");
    const progress: number[] = [];
    await seed({ rows: 2_500, onProgress: (done) => progress.push(done) });
    const [after] = await rawQuery<{ n: number }>("SELECT COUNT(*) AS n FROM integration_submissions");
    expect(after!.n - before!.n).toBe(2_500);
    expect(progress).toEqual([2_000, 2_500]);
  });

  it("stores demo credentials encrypted, never in plaintext", async () => {
    const rows = await rawQuery<{ data: string }>(
      "SELECT data FROM integration_submissions ORDER BY id DESC LIMIT 50",
    );
    for (const { data } of rows) {
      const plain = openData(data);
      for (const value of Object.values(plain)) expect(data).not.toContain(String(value));
    }
  });
});

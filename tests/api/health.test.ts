import { describe, expect, it, vi } from "vitest";

const call = async () => {
  const { GET } = await import("@/app/api/health/route");
  return GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
};

describe("GET /api/health", () => {
  it("answers 200 with db ok when the database answers", async () => {
    const response = await call();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, db: "ok" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 503 quickly, with the contract's error body, when the database is unreachable", async () => {
    const { closeDb } = await import("@/db");
    await closeDb();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "mysql://root@127.0.0.1:1/nothing_here";
    vi.resetModules();
    try {
      const started = Date.now();
      const response = await call();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        success: false,
        error: "Database unavailable; try again shortly",
        code: "db_unavailable",
      });
    } finally {
      const { closeDb: closeDead } = await import("@/db");
      await closeDead();
      process.env.DATABASE_URL = saved;
      vi.resetModules();
    }
  });
});

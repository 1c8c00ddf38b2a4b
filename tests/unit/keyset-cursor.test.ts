import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/integrations/keyset-cursor";
import { AppError } from "@/lib/http/errors";

beforeAll(() => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
});

describe("keyset cursor", () => {
  it("round-trips dates and strings", () => {
    const at = new Date("2024-01-15T10:30:00.123Z");
    expect(decodeCursor(encodeCursor({ value: at, id: 7 }, "ctx"), "submittedAt", "ctx")).toEqual({
      value: at,
      id: 7,
    });
    expect(decodeCursor(encodeCursor({ value: "Acme", id: 9 }, "ctx"), "integrationName", "ctx")).toEqual({
      value: "Acme",
      id: 9,
    });
  });

  it("rejects an edited cursor, one from another query, and values that do not fit the sort", () => {
    const cursor = encodeCursor({ value: "pending", id: 3 }, "ctx");
    const [body, mac] = cursor.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: "failed", i: 3 })).toString("base64url");
    for (const [text, sort, context] of [
      [cursor, "status", "other"],
      [`${forged}.${mac}`, "status", "ctx"],
      [body, "status", "ctx"],
      [`${cursor}.x`, "status", "ctx"],
      ["", "status", "ctx"],
      [encodeCursor({ value: "nonsense", id: 3 }, "ctx"), "status", "ctx"],
      [encodeCursor({ value: "not a date", id: 3 }, "ctx"), "updatedAt", "ctx"],
    ] as const) {
      expect(() => decodeCursor(text, sort, context)).toThrow(AppError);
    }
  });
});

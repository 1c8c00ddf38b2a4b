// Property tests for the account endpoints: random, malformed and hostile bodies never get a 5xx,
// and a refused request creates no user and issues no token.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { rawQuery } from "../helpers/raw-db";

const RUNS = { numRuns: 80 };
let address = 0;
// A fresh address per request keeps the rate limits out of what is being tested here.
const headers = () => ({
  "content-type": "application/json",
  "x-forwarded-for": `100.64.${(++address >> 8) & 255}.${address & 255}`,
});

const credentials = fc.record(
  {
    email: fc.oneof(
      fc.emailAddress(),
      fc.string({ maxLength: 400 }),
      fc.integer(),
      fc.constant(null),
      fc.constant("a@b"),
    ),
    password: fc.oneof(fc.string({ maxLength: 2_000 }), fc.integer(), fc.array(fc.string()), fc.constant("")),
    name: fc.oneof(fc.string({ maxLength: 400 }), fc.constant(null), fc.object()),
  },
  { requiredKeys: [] },
);
const anyBody = fc.oneof(
  credentials.map((b) => JSON.stringify(b)),
  fc.json(),
  fc.string(),
  fc.integer({ min: 1, max: 3_000 }).map((d) => `{"email":${"[".repeat(d)}${"]".repeat(d)}}`),
);

function emailIn(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const email = (parsed as { email?: unknown } | null)?.email;
    return typeof email === "string" ? email : undefined;
  } catch {
    return undefined;
  }
}

describe("account endpoints under random input", () => {
  it("POST /api/auth/signup never answers 5xx, and only a 201 adds a user", async () => {
    const { POST } = await import("@/app/api/auth/signup/route");
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const response = await call(POST, "/api/auth/signup", { method: "POST", headers: headers(), body });
        expect(response.status).toBeLessThan(500);
        expect(response.json.success).toBe(response.status === 201);
        const email = emailIn(body);
        // A refused sign-up leaves no account behind for the address it named (409: one existed).
        if (response.status !== 201 && response.status !== 409 && email) {
          const rows = await rawQuery("SELECT id FROM users WHERE email = ?", [email.trim().toLowerCase()]);
          expect(rows).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it("POST /api/auth/token never answers 5xx and never issues a token for random credentials", async () => {
    const { POST } = await import("@/app/api/auth/token/route");
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const response = await call(POST, "/api/auth/token", { method: "POST", headers: headers(), body });
        expect(response.status).toBeLessThan(500);
        expect([400, 401, 413, 429]).toContain(response.status);
        expect(response.json.token).toBeUndefined();
      }),
      RUNS,
    );
  });
});

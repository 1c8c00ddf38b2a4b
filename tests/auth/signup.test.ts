import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/auth/signup/route";
import { call } from "../helpers/call";
import { rawQuery, uniqueEmail } from "../helpers/raw-db";

let address = 0;
const headers = () => ({ "content-type": "application/json", "x-forwarded-for": `198.51.100.${++address}` });

describe("POST /api/auth/signup", () => {
  it("creates a user with role user and stores only an argon2id hash", async () => {
    const email = uniqueEmail("signup");
    const res = await call(POST, "/api/auth/signup", {
      headers: headers(),
      body: { email, password: "long-enough", name: "Sam" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      success: true,
      user: { id: expect.any(Number), email, name: "Sam", role: "user" },
    });
    const [row] = await rawQuery<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE email = ?",
      [email],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain("long-enough");
  });

  it("answers 409 for an email that is taken, whatever its case", async () => {
    const email = uniqueEmail("dup");
    await call(POST, "/api/auth/signup", { headers: headers(), body: { email, password: "long-enough" } });
    const again = await call(POST, "/api/auth/signup", {
      headers: headers(),
      body: { email: email.toUpperCase(), password: "long-enough" },
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ success: false, code: "email_taken" });
  });

  it("answers 400 naming the field for a password under 8 characters, and creates nothing", async () => {
    const email = uniqueEmail("short");
    const res = await call(POST, "/api/auth/signup", {
      headers: headers(),
      body: { email, password: "1234567" },
    });
    expect(res.status).toBe(400);
    expect(res.json.details).toEqual([{ field: "password", message: "must be at least 8 characters" }]);
    expect(await rawQuery("SELECT id FROM users WHERE email = ?", [email])).toEqual([]);
  });

  it.each([
    ["8 spaces", " ".repeat(8), "must not be only spaces"],
    ["only Unicode spaces", "\u3000".repeat(8), "must not be only spaces"],
    ["8 NUL bytes", "\0".repeat(8), "must not contain control characters"],
    ["a newline", "long-enough\n", "must not contain control characters"],
    ["'password'", "password", "is one of the most common passwords: choose another"],
    ["a common one in capitals", "IloveYou", "is one of the most common passwords: choose another"],
    ["a common one of 10 digits", "1234567890", "is one of the most common passwords: choose another"],
  ])(
    "answers 400 naming the field for a password of %s, and creates nothing",
    async (_, password, message) => {
      const email = uniqueEmail("weak");
      const res = await call(POST, "/api/auth/signup", { headers: headers(), body: { email, password } });
      expect(res.status).toBe(400);
      expect(res.json.details).toEqual([{ field: "password", message }]);
      expect(await rawQuery("SELECT id FROM users WHERE email = ?", [email])).toEqual([]);
    },
  );

  it("accepts a long password with spaces and non-ASCII letters", async () => {
    const res = await call(POST, "/api/auth/signup", {
      headers: headers(),
      body: { email: uniqueEmail("passphrase"), password: "  grüne Äpfel im Oktober  " },
    });
    expect(res.status).toBe(201);
  });

  it("limits sign-ups from one address", async () => {
    const same = headers();
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await call(POST, "/api/auth/signup", {
            headers: same,
            body: { email: uniqueEmail("flood"), password: "long-enough" },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("answers 403 when sign-up is disabled by ALLOW_SIGNUP=false", async () => {
    process.env.ALLOW_SIGNUP = "false";
    vi.resetModules();
    try {
      const { POST: closed } = await import("@/app/api/auth/signup/route");
      const email = uniqueEmail("closed");
      const res = await call(closed, "/api/auth/signup", {
        headers: headers(),
        body: { email, password: "long-enough" },
      });
      expect(res.status).toBe(403);
      expect(await rawQuery("SELECT id FROM users WHERE email = ?", [email])).toEqual([]);
      // Before the body is looked at: what was sent makes no difference to the answer.
      for (const body of [{}, { email: "not an email", password: "x" }, "{not json"]) {
        const refused = await call(closed, "/api/auth/signup", { headers: headers(), body });
        expect(refused.status, JSON.stringify(body)).toBe(403);
        expect(refused.json).toMatchObject({ code: "forbidden" });
      }
    } finally {
      delete process.env.ALLOW_SIGNUP;
      vi.resetModules();
    }
  });
});

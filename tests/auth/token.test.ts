import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/token/route";
import { setUserDisabled } from "@/lib/auth/accounts";
import { call } from "../helpers/call";
import { createTestUser } from "../helpers/users";
import { uniqueEmail } from "../helpers/raw-db";

const json = { "content-type": "application/json" };
let address = 0;
// Each test comes from its own address so the per-address limit of one test cannot leak into another.
const from = () => ({ ...json, "x-forwarded-for": `203.0.113.${++address}` });

describe("POST /api/auth/token", () => {
  it("exchanges a valid email and password for a signed HS256 token with the contract's claims", async () => {
    const user = await createTestUser("admin");
    const res = await call(POST, "/api/auth/token", {
      headers: from(),
      body: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, tokenType: "Bearer", expiresIn: 3600 });
    expect(decodeProtectedHeader(res.json.token).alg).toBe("HS256");
    const claims = decodeJwt(res.json.token);
    expect(claims).toMatchObject({ sub: String(user.id), email: user.email, role: "admin" });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it("answers unknown email and wrong password with the same 401", async () => {
    const user = await createTestUser();
    const headers = from();
    const wrong = await call(POST, "/api/auth/token", {
      headers,
      body: { email: user.email, password: "not-the-password" },
    });
    const unknown = await call(POST, "/api/auth/token", {
      headers,
      body: { email: uniqueEmail("ghost"), password: "whatever1" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual({ success: false, error: "Invalid email or password", code: "unauthorized" });
    expect(unknown.json).toEqual(wrong.json);
  });

  it("refuses a disabled user with the same 401", async () => {
    const user = await createTestUser();
    await setUserDisabled(user.email, true);
    const res = await call(POST, "/api/auth/token", {
      headers: from(),
      body: { email: user.email, password: user.password },
    });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("Invalid email or password");
  });

  it("rejects a malformed body with 400 details and a wrong content type with 415", async () => {
    const bad = await call(POST, "/api/auth/token", { headers: from(), body: { email: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.details.map((d: { field: string }) => d.field).sort()).toEqual(["email", "password"]);
    const text = await call(POST, "/api/auth/token", {
      headers: { "content-type": "text/plain" },
      body: "email=a",
    });
    expect(text.status).toBe(415);
    const broken = await call(POST, "/api/auth/token", { headers: from(), body: "{not json" });
    expect(broken).toMatchObject({ status: 400, json: { code: "invalid_json" } });
  });

  it("after 5 failures from one address refuses that address for that email, with Retry-After, even with the right password", async () => {
    const user = await createTestUser();
    const headers = from();
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await call(POST, "/api/auth/token", {
            headers,
            body: { email: user.email, password: `wrong-${i}` },
          })
        ).status,
      ).toBe(401);
    }
    const locked = await call(POST, "/api/auth/token", {
      headers,
      body: { email: user.email, password: user.password },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(900);
    expect(locked.json.code).toBe("rate_limited");
    // Only that pair: the same address may still sign in to another account.
    const other = await createTestUser();
    expect(
      (
        await call(POST, "/api/auth/token", {
          headers,
          body: { email: other.email, password: other.password },
        })
      ).status,
    ).toBe(200);
  });

  it("lets the owner in with the right password however many addresses failed for their email", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 12; i++) {
      expect(
        (
          await call(POST, "/api/auth/token", {
            headers: from(),
            body: { email: user.email, password: `wrong-${i}` },
          })
        ).status,
      ).toBe(401);
    }
    const owner = await call(POST, "/api/auth/token", {
      headers: from(),
      body: { email: user.email, password: user.password },
    });
    expect(owner.status).toBe(200);
  });

  it("counts guesses made in parallel before checking any: no more than 5 are ever checked", async () => {
    const user = await createTestUser();
    const headers = from();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(POST, "/api/auth/token", { headers, body: { email: user.email, password: `wrong-${i}` } }),
      ),
    );
    const statuses = guesses.map((res) => res.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    const locked = await call(POST, "/api/auth/token", {
      headers,
      body: { email: user.email, password: user.password },
    });
    expect(locked.status).toBe(429);
  });

  it("does not count successful sign-ins against the client address", async () => {
    const user = await createTestUser();
    const headers = from();
    for (let i = 0; i < 22; i++) {
      expect(
        (
          await call(POST, "/api/auth/token", {
            headers,
            body: { email: user.email, password: user.password },
          })
        ).status,
      ).toBe(200);
    }
  });

  it("limits one client address that tries many emails", async () => {
    const headers = from();
    for (let i = 0; i < 20; i++) {
      await call(POST, "/api/auth/token", {
        headers,
        body: { email: uniqueEmail("spray"), password: "guess-123" },
      });
    }
    const user = await createTestUser();
    const res = await call(POST, "/api/auth/token", {
      headers,
      body: { email: user.email, password: user.password },
    });
    expect(res.status).toBe(429);
    const elsewhere = await call(POST, "/api/auth/token", {
      headers: from(),
      body: { email: user.email, password: user.password },
    });
    expect(elsewhere.status).toBe(200);
  });
});

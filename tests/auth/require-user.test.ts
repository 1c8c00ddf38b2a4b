import { SignJWT, base64url } from "jose";
import { describe, expect, it } from "vitest";
import { requireAdmin, requireUser } from "@/lib/auth/require-user";
import { setUserDisabled } from "@/lib/auth/accounts";
import { AppError } from "@/lib/http/errors";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser, sessionCookieOf } from "../helpers/users";

const secret = () => new TextEncoder().encode(process.env.AUTH_SECRET);
const url = "http://localhost:3000/api/integrations";

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

const withBearer = (token: string, method = "GET") =>
  new Request(url, { method, headers: { authorization: `Bearer ${token}` } });

async function sign(
  claims: Record<string, unknown>,
  options: { key?: Uint8Array; exp?: string | number } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "1h")
    .sign(options.key ?? secret());
}

describe("requireUser with a Bearer token", () => {
  it("accepts a valid token and returns the user as stored", async () => {
    const user = await createTestUser();
    await expect(requireUser(withBearer(user.token))).resolves.toMatchObject({
      id: user.id,
      email: user.email,
      role: "user",
    });
  });

  it("answers 401 without a header, with another scheme, or with a malformed token", async () => {
    expect(await statusOf(requireUser(new Request(url)))).toBe(401);
    expect(await statusOf(requireUser(new Request(url, { headers: { authorization: "Basic YTpi" } })))).toBe(
      401,
    );
    expect(await statusOf(requireUser(withBearer("not.a.jwt")))).toBe(401);
    expect(await statusOf(requireUser(withBearer("")))).toBe(401);
  });

  it("answers 401 for alg none, a wrong key, an expired token and a tampered payload", async () => {
    const user = await createTestUser();
    const claims = { sub: String(user.id), email: user.email, role: "admin" };
    const none = `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url.encode(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 }))}.`;
    const wrongKey = await sign(claims, { key: new TextEncoder().encode("x".repeat(40)) });
    const expired = await sign(claims, { exp: Math.floor(Date.now() / 1000) - 10 });
    const [header, , signature] = user.token.split(".");
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, sub: "1", exp: 4_000_000_000 }))}.${signature}`;
    for (const token of [none, wrongKey, expired, tampered]) {
      expect(await statusOf(requireUser(withBearer(token)))).toBe(401);
    }
  });

  it("stops a disabled user's token at once, and a deleted user's", async () => {
    const user = await createTestUser();
    await setUserDisabled(user.email, true);
    expect(await statusOf(requireUser(withBearer(user.token)))).toBe(401);
    const gone = await createTestUser();
    await rawQuery("DELETE FROM users WHERE id = ?", [gone.id]);
    expect(await statusOf(requireUser(withBearer(gone.token)))).toBe(401);
  });

  it("takes the role from the database, not from the token", async () => {
    const user = await createTestUser("user");
    const claimsAdmin = await sign({ sub: String(user.id), email: user.email, role: "admin" });
    expect(await statusOf(requireAdmin(withBearer(claimsAdmin)))).toBe(403);
    const admin = await createTestUser("admin");
    expect(await statusOf(requireAdmin(withBearer(admin.token)))).toBe(200);
  });
});

describe("requireUser with the web session cookie", () => {
  const cookieFor = async (id: number) => `other=1; ${await sessionCookieOf(id)}`;

  it("accepts the session cookie for reads", async () => {
    const user = await createTestUser();
    const req = new Request(url, { headers: { cookie: await cookieFor(user.id) } });
    await expect(requireUser(req)).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a cookie-authenticated write from a foreign or missing Origin with 403", async () => {
    const user = await createTestUser();
    const cookie = await cookieFor(user.id);
    const write = (headers: Record<string, string>) =>
      new Request(url, { method: "POST", headers: { cookie, ...headers } });
    expect(await statusOf(requireUser(write({ origin: "https://evil.example" })))).toBe(403);
    expect(await statusOf(requireUser(write({})))).toBe(403);
    expect(await statusOf(requireUser(write({ origin: "http://localhost:3000" })))).toBe(200);
  });

  it("takes the app's origin from APP_URL only, scheme and port included, never from Host headers", async () => {
    const user = await createTestUser();
    const cookie = await cookieFor(user.id);
    const write = (headers: Record<string, string>) =>
      new Request("http://evil.example/api/integrations", {
        method: "POST",
        headers: { cookie, ...headers },
      });
    expect(
      await statusOf(
        requireUser(write({ origin: "http://evil.example", "x-forwarded-host": "evil.example" })),
      ),
    ).toBe(403);
    expect(await statusOf(requireUser(write({ origin: "http://evil.example", host: "evil.example" })))).toBe(
      403,
    );
    expect(await statusOf(requireUser(write({ origin: "http://evil.example" })))).toBe(403);
    expect(await statusOf(requireUser(write({ origin: "https://localhost:3000" })))).toBe(403);
    expect(await statusOf(requireUser(write({ origin: "http://localhost:3001" })))).toBe(403);
    expect(await statusOf(requireUser(write({ origin: "null" })))).toBe(403);
    expect(await statusOf(requireUser(write({ origin: "http://localhost:3000" })))).toBe(200);
  });

  it("does not apply the Origin check to Bearer calls, which a foreign page cannot make with our cookie", async () => {
    const user = await createTestUser();
    const req = new Request(url, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, origin: "https://partner.example" },
    });
    expect(await statusOf(requireUser(req))).toBe(200);
  });

  it("answers 401 for a forged cookie", async () => {
    const req = new Request(url, { headers: { cookie: "next-auth.session-token=forged" } });
    expect(await statusOf(requireUser(req))).toBe(401);
  });
});

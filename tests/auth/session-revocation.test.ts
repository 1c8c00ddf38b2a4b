import { describe, expect, it } from "vitest";
import { requireUser } from "@/lib/auth/require-user";
import { setUserDisabled } from "@/lib/auth/accounts";
import { revokeSession } from "@/lib/auth/session-revocation";
import { signAccessToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/http/errors";
import { call } from "../helpers/call";
import { createTestUser, sessionCookieOf, type TestUser } from "../helpers/users";

const url = "http://localhost:3000/api/integrations";
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof AppError ? error.status : 500),
  );
const withCookie = (cookie: string) => new Request(url, { headers: { cookie } });
const withBearer = (token: string) => new Request(url, { headers: { authorization: `Bearer ${token}` } });
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1000)));
const freshToken = async (user: TestUser) =>
  (await signAccessToken({ id: user.id, email: user.email, name: null, role: user.role })).token;

describe("ending sessions and tokens before they expire", () => {
  it("refuses a signed-out session, and only that one", async () => {
    const user = await createTestUser();
    const [signedOut, other] = [
      await sessionCookieOf(user.id, { sid: "s-out" }),
      await sessionCookieOf(user.id, { sid: "s-other" }),
    ];
    expect(await statusOf(requireUser(withCookie(signedOut)))).toBe(200);
    await revokeSession("s-out", user.id, new Date(Date.now() + 7 * 86_400_000));
    expect(await statusOf(requireUser(withCookie(signedOut)))).toBe(401);
    expect(await statusOf(requireUser(withCookie(other)))).toBe(200);
  });

  it("refuses a session from before sessions had an id, which could not be signed out", async () => {
    const user = await createTestUser();
    const legacy = await sessionCookieOf(user.id, { sid: undefined, authAt: undefined });
    expect(await statusOf(requireUser(withCookie(legacy)))).toBe(401);
  });

  it("POST /api/auth/revoke ends every session and token issued until then; new ones work", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookieOf(user.id);
    await nextSecond();
    const { POST } = await import("@/app/api/auth/revoke/route");
    const revoked = await call(POST, "/api/auth/revoke", {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(revoked).toMatchObject({ status: 200, json: { success: true } });
    expect(await statusOf(requireUser(withBearer(user.token)))).toBe(401);
    expect(await statusOf(requireUser(withCookie(cookie)))).toBe(401);
    // A session signed in after it (ms precision) works at once; a token from the next second on.
    expect(await statusOf(requireUser(withCookie(await sessionCookieOf(user.id))))).toBe(200);
    await nextSecond();
    expect(await statusOf(requireUser(withBearer(await freshToken(user))))).toBe(200);
    expect((await call(POST, "/api/auth/revoke", { method: "POST" })).status).toBe(401);
  });

  it("disabling a user ends their tokens for good: enabling again does not bring them back", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookieOf(user.id);
    await nextSecond();
    await setUserDisabled(user.email, true);
    await setUserDisabled(user.email, false);
    expect(await statusOf(requireUser(withBearer(user.token)))).toBe(401);
    expect(await statusOf(requireUser(withCookie(cookie)))).toBe(401);
    await nextSecond();
    expect(await statusOf(requireUser(withBearer(await freshToken(user))))).toBe(200);
  });
});

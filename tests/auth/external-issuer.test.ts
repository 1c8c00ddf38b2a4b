import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawQuery, uniqueEmail } from "../helpers/raw-db";

// The identity provider is played by this file: an RSA key pair and a JWKS endpoint on localhost.
const ISSUER = "https://idp.example.test";
const AUDIENCE = "integrations-hub";
let server: Server;
let privateKey: CryptoKey;
let requireUser: typeof import("@/lib/auth/require-user").requireUser;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  server = createServer((_, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  Object.assign(process.env, {
    EXTERNAL_JWT_ISSUER: ISSUER,
    EXTERNAL_JWT_AUDIENCE: AUDIENCE,
    EXTERNAL_JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    EXTERNAL_JWT_ROLE_CLAIM: "groups",
    EXTERNAL_JWT_ADMIN_VALUE: "hub-admins",
  });
  ({ requireUser } = await import("@/lib/auth/require-user"));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function idpToken(claims: Record<string, unknown>, options: { issuer?: string; audience?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: "test-key" })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setSubject("idp-user-1")
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
}

const bearer = (token: string) =>
  new Request("http://localhost:3000/api/integrations", { headers: { authorization: `Bearer ${token}` } });

describe("external issuer tokens", () => {
  it("provisions the user by email on first sight and finds the same user afterwards", async () => {
    const email = uniqueEmail("idp");
    const first = await requireUser(bearer(await idpToken({ email, name: "Ida P" })));
    expect(first).toMatchObject({ email, name: "Ida P", role: "user" });
    const again = await requireUser(bearer(await idpToken({ email })));
    expect(again.id).toBe(first.id);
    const [row] = await rawQuery<{ password_hash: string | null }>(
      "SELECT password_hash FROM users WHERE email = ?",
      [email],
    );
    expect(row!.password_hash).toBeNull();
  });

  it("maps the configured role claim to admin and follows it later", async () => {
    const email = uniqueEmail("idp-admin");
    expect((await requireUser(bearer(await idpToken({ email, groups: ["staff", "hub-admins"] })))).role).toBe(
      "admin",
    );
    expect((await requireUser(bearer(await idpToken({ email, groups: ["staff"] })))).role).toBe("user");
  });

  it("refuses a wrong audience, a missing email, and a token signed by another key", async () => {
    await expect(
      requireUser(bearer(await idpToken({ email: uniqueEmail("x") }, { audience: "someone-else" }))),
    ).rejects.toMatchObject({ status: 401 });
    await expect(requireUser(bearer(await idpToken({ sub: "no-email" })))).rejects.toMatchObject({
      status: 401,
    });
    const other = await generateKeyPair("RS256");
    const forged = await new SignJWT({ email: uniqueEmail("forged") })
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime("5m")
      .sign(other.privateKey);
    await expect(requireUser(bearer(forged))).rejects.toMatchObject({ status: 401 });
  });

  it("keeps accepting the app's own tokens", async () => {
    const { createTestUser } = await import("../helpers/users");
    const user = await createTestUser();
    await expect(requireUser(bearer(user.token))).resolves.toMatchObject({ id: user.id });
  });
});

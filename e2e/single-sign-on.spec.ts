// Single sign-on through OpenID Connect (#17.3), against a real provider on loopback
// (oidc-provider) and an instance of the app configured for it with password sign-in turned off.
// Each sign-in runs in a fresh browser context, so the provider's own session never carries over.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { freePort } from "../scripts/free-port";
import { startIdentityProvider, type IdentityProvider } from "./helpers/identity-provider";
import { exited, ready, startInstance, type Instance } from "./helpers/instances";
import { ownAddress, send } from "./helpers/raw-http";

const PROVIDER = "Test IdP";
const domain = `sso-${Date.now().toString(36)}.test`;
const emailOf = (login: string) => `${login}@${domain}`;

// One provider and one instance for the file: its tests run one after the other, in one worker.
test.describe.configure({ mode: "serial" });

let idp: IdentityProvider;
let app: Instance;
let appUrl: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  const client = { id: "integrations-hub", secret: "a-client-secret-for-the-e2e-run" };
  idp = await startIdentityProvider({ ...client, redirectUri: `${appUrl}/api/auth/callback/oidc` });
  app = startInstance(port, {
    APP_URL: appUrl,
    WEB_CONCURRENCY: "1",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: client.id,
    OIDC_CLIENT_SECRET: client.secret,
    OIDC_NAME: PROVIDER,
    OIDC_SCOPE: "openid email profile groups",
    OIDC_ADMIN_GROUP: "hub-admins",
    OIDC_ALLOWED_DOMAINS: domain,
    PASSWORD_SIGNIN: "false",
  });
  await ready(port);
});

test.afterAll(async () => {
  app?.child.kill("SIGTERM");
  if (app) await exited(app.child);
  await idp?.close();
});

/** Through the provider's own pages: its login form (the login names the person), then consent. */
async function signInAs(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: `Continue with ${PROVIDER}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === appUrl && !url.pathname.startsWith("/api/"));
  return page;
}

async function sessionOf(page: Page) {
  return (await (await page.request.get("/api/auth/session")).json()) as {
    user?: { id: string; email: string; role: string };
  };
}

test("a person of an allowed domain signs in, is created as a user, and keeps their account", async ({
  browser,
}) => {
  idp.people.set("ada", { email: emailOf("ada"), email_verified: true, name: "Ada Sso" });
  const first = await signInAs(browser, "ada");
  await expect(first.getByTestId("signed-in-as")).toHaveText("Ada Sso");
  const session = await sessionOf(first);
  expect(session.user).toMatchObject({ email: emailOf("ada"), role: "user" });
  const again = await signInAs(browser, "ada");
  expect((await sessionOf(again)).user?.id).toBe(session.user!.id);
});

test("an existing password account is linked by its verified email", async ({ browser }) => {
  const email = emailOf("bo");
  // From an address of its own: sign-ups are limited per address, and the run makes many.
  const signedUp = await send("/api/auth/signup", {
    from: ownAddress(),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a-good-password", name: "Bo Password" }),
  });
  expect(signedUp.status).toBe(201);
  const id = String((JSON.parse(signedUp.body) as { user: { id: number } }).user.id);
  idp.people.set("bo", { email: email.toUpperCase(), email_verified: true, name: "Bo Sso" });
  const page = await signInAs(browser, "bo");
  expect((await sessionOf(page)).user).toMatchObject({ id, email });
});

test("admin comes only from the configured group, and goes when the group does", async ({ browser }) => {
  idp.people.set("cy", {
    email: emailOf("cy"),
    email_verified: true,
    name: "Cy Admin",
    groups: ["staff", "hub-admins"],
  });
  const admin = await signInAs(browser, "cy");
  expect((await sessionOf(admin)).user?.role).toBe("admin");
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { name: "Admin dashboard", level: 1 })).toBeVisible();

  idp.people.set("cy", { email: emailOf("cy"), email_verified: true, name: "Cy Admin", groups: ["staff"] });
  const demoted = await signInAs(browser, "cy");
  expect((await sessionOf(demoted)).user?.role).toBe("user");
  // The earlier session is an admin's no more either: the role is read from the database.
  const response = await admin.goto("/admin");
  expect(response?.status()).toBe(403);
});

test("each refusal says why and signs nobody in", async ({ browser }) => {
  idp.people.set("dee", { email: emailOf("dee"), email_verified: false, name: "Dee Unverified" });
  idp.people.set("eve", { email: "eve@elsewhere.test", email_verified: true, name: "Eve Elsewhere" });
  idp.people.set("fay", { email: emailOf("fay"), email_verified: true, name: "Fay Fine" });
  const refused = async (login: string, reason: RegExp) => {
    const page = await signInAs(browser, login);
    await expect(page).toHaveURL(/\/signin\?(.*&)?error=/);
    await expect(page.getByRole("alert").filter({ hasText: reason })).toBeVisible();
    expect((await sessionOf(page)).user).toBeUndefined();
  };
  await refused("dee", /has not verified your email address/);
  await refused("eve", /your email domain cannot sign in here/);
  idp.misbehave.audience = "some-other-client";
  try {
    await refused("fay", /could not be verified/);
  } finally {
    idp.misbehave.audience = undefined;
  }
  idp.misbehave.impostor = true;
  try {
    await refused("fay", /answered as a different issuer/);
  } finally {
    idp.misbehave.impostor = false;
  }
  // The same person, with the provider behaving, gets in.
  const page = await signInAs(browser, "fay");
  expect((await sessionOf(page)).user?.email).toBe(emailOf("fay"));
});

test("with PASSWORD_SIGNIN=false no password is ever checked or set", async ({ browser, request }) => {
  const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: `Continue with ${PROVIDER}` })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  const token = await request.post(`${appUrl}/api/auth/token`, {
    data: { email: "admin@example.com", password: "admin-password" },
  });
  expect(token.status()).toBe(403);
  expect((await token.json()).error).toMatch(/Password sign-in is turned off/);
  const signup = await request.post(`${appUrl}/api/auth/signup`, {
    data: { email: emailOf("new"), password: "a-good-password" },
  });
  expect(signup.status()).toBe(403);
  const credentials = await request.post(`${appUrl}/api/auth/callback/credentials`, {
    form: { email: "admin@example.com", password: "admin-password", csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(credentials.status()).not.toBe(200);
  expect(credentials.headers()["set-cookie"] ?? "").not.toContain("session-token");
});

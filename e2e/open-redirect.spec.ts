// The probe's open redirect (#14), seen by Chromium itself: a callbackUrl that leaves the app,
// once a browser has dropped what it drops, must land on the person's home instead, both from
// the server's redirect of someone signed in and after signing in through the real form.
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";

// As they appear in the query string. Each was, or would be, //evil.example/… in a browser, or
// an invalid Location header.
const LEAVING = [
  "/%09/evil.example/x",
  "/%0a/evil.example/x",
  "/%0d/evil.example/x",
  "/%00/evil.example/x",
  "/%7F/evil.example/x",
  "%2F%2Fevil.example%2Fx",
  "/%5Cevil.example/x",
  "/%2F/evil.example/x",
  "/.//evil.example/x",
  "https://evil.example/x",
  // The app's own origin as a prefix of another host's.
  encodeURIComponent(`${baseURL}.evil.example/`),
];

// The ones a browser turns into //evil.example/x by dropping a character (TAB, LF, CR).
const BROWSER_CLEANED = LEAVING.slice(0, 3);

test.beforeEach(async ({ page }) => {
  // Should a page still leave, it lands here (and the test sees it) instead of on a DNS error.
  await page.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.fulfill({ contentType: "text/html", body: "<h1>evil</h1>" }),
  );
});

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing in through the form with a callbackUrl that would leave the app lands on the user's home", async ({
  page,
}) => {
  for (const callbackUrl of BROWSER_CLEANED) {
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await signIn(page, "demo@example.com", "demo-password");
    await expect(page, callbackUrl).toHaveURL(`${baseURL}/integrations`);
    await page.context().clearCookies();
  }
});

test("signed in, /signin and /signup redirect such a callbackUrl to the person's home, never to 500", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto("/signin");
  await signIn(page, "demo@example.com", "demo-password");
  await expect(page).toHaveURL(`${baseURL}/integrations`);
  for (const callbackUrl of LEAVING) {
    for (const form of ["/signin", "/signup"]) {
      const answer = await page.request.get(`${form}?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(answer.status(), `${form} ${callbackUrl}`).toBe(307);
      expect(answer.headers()["location"], `${form} ${callbackUrl}`).toBe("/integrations");
    }
  }
  // And what Chromium makes of it, for those it would have cleaned up into //evil.example.
  for (const callbackUrl of BROWSER_CLEANED) {
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await expect(page, callbackUrl).toHaveURL(`${baseURL}/integrations`);
  }
  // A path on the app is still where one comes back to.
  await page.goto("/signin?callbackUrl=%2Faccount%3Ffrom%3Dsignin");
  await expect(page).toHaveURL(`${baseURL}/account?from=signin`);
});

test("next-auth's own endpoints refuse a callbackUrl that would leave the app with a JSON 400", async ({
  request,
}) => {
  for (const callbackUrl of LEAVING) {
    for (const action of ["signin", "session", "csrf", "providers"]) {
      const answer = await request.get(`/api/auth/${action}?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(answer.status(), `${action} ${callbackUrl}`).toBe(400);
      expect(await answer.json(), `${action} ${callbackUrl}`).toMatchObject({
        success: false,
        code: "validation_failed",
        details: [{ field: "callbackUrl" }],
      });
    }
  }
  // The same in the cookie where next-auth keeps the last one: refused, and cleared.
  const cookie = await request.get("/api/auth/session", {
    headers: { cookie: `next-auth.callback-url=${LEAVING.at(-1)}` },
  });
  expect(cookie.status()).toBe(400);
  expect(cookie.headers()["set-cookie"]).toContain("next-auth.callback-url=;");
  // What next-auth's own client sends, a URL on the app, still goes through.
  const onTheApp = encodeURIComponent(`${baseURL}/admin`);
  const signin = await request.get(`/api/auth/signin?callbackUrl=${onTheApp}`, { maxRedirects: 0 });
  expect(signin.status()).toBe(302);
  expect(signin.headers()["location"]).toBe(`/signin?callbackUrl=${onTheApp}`);
});

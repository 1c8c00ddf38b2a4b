import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";

const uniqueEmail = () =>
  `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a new user signs up, signs out, signs in again and reaches a protected page", async ({ page }) => {
  const email = uniqueEmail();
  await page.goto("/signup");
  await signUp(page, "Erin Example", email, "short");
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await page.getByLabel("Password").fill("Password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password is one of the most common passwords: choose another.")).toBeVisible();

  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByRole("heading", { name: "Connect an integration" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Erin Example");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);

  await signIn(page, email, "wrong-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
  await signIn(page, email, "a-good-password");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
});

test("a signed-in user who is not an admin gets a 403 page for the dashboard", async ({ page }) => {
  await page.goto("/signin?callbackUrl=/admin");
  await signIn(page, "demo@example.com", "demo-password");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
});

test("an admin signs in and lands back on the dashboard they asked for", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin$/);
  await signIn(page, "admin@example.com", "admin-password");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Admin dashboard" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toBeVisible();
});

test("signing out ends the session: its cookie, kept by someone, is worth nothing after", async ({
  page,
  context,
  playwright,
}) => {
  const email = uniqueEmail();
  await page.goto("/signup");
  await signUp(page, "Sam Signout", email, "a-good-password");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam Signout");
  const kept = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  const replay = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${kept.name}=${kept.value}` },
  });
  try {
    expect((await replay.get("/api/integrations")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect((await replay.get("/api/integrations")).status()).toBe(401);
    expect(await (await replay.get("/api/auth/session")).json()).toEqual({});
    expect((await replay.get("/integrations/mine", { maxRedirects: 0 })).status()).toBe(307);
  } finally {
    await replay.dispose();
  }
});

test("a password sent before the page is interactive never lands in an address", async ({ page }) => {
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));
  // Hold the page's scripts back, as a slow phone would, and press Enter in the meantime: the
  // browser's own form submission would put both fields into the URL, the history and the logs.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto("/signin?callbackUrl=/admin", { waitUntil: "commit" });
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("admin-password");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await page.getByLabel("Password").press("Enter");
  // Once the page is interactive, the same form signs in.
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  expect(addresses.filter((address) => address.includes("password"))).toEqual([]);
});

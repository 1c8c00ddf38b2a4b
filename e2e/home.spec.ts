import { expect, test } from "@playwright/test";
import { fillSignIn } from "./helpers/sign-in";

test("the landing page explains the product and leads to sign-in and sign-up", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Integrations Hub/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Connect your recruiting stack");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup");
  await expect(main.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");
  await expect(page.getByRole("list", { name: "Supported systems" })).toContainText("JobAdder");
});

test("the production server reports a healthy database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ success: true, db: "ok" });
});

test("on a 360 px phone the header is one row, and the menu opens below it, closes on the way and signs out", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  const header = page.locator("header");
  await page.goto("/signin");
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  await fillSignIn(page, "demo@example.com", "demo-password");
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(page.getByRole("link", { name: "My integrations" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("link", { name: "My integrations" }).click();
  await expect(page).toHaveURL(/\/integrations\/mine$/);
  // Each request's name keeps to one line: its badges move under it instead of squeezing it.
  const lines = await page.locator("main li a > span:first-child > span:first-child").evaluateAll((names) =>
    names.map((name) => {
      const range = document.createRange();
      range.selectNodeContents(name);
      return `${name.textContent}: ${range.getClientRects().length}`;
    }),
  );
  expect(lines.length).toBeGreaterThan(3);
  expect(lines.filter((line) => !line.endsWith(": 1"))).toEqual([]);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Account" })).toBeHidden();
  await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
});

import { expect, test } from "@playwright/test";

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

// /account: API keys made, used, rotated and revoked from the page, and "sign out everywhere".
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { newAccount } from "./helpers/raw-http";
import { fillSignIn } from "./helpers/sign-in";

/** A new person, signed in through the form (made through the API: the sign-up form has its own spec). */
async function signUp(page: Page, name: string) {
  const { email, password } = await newAccount(name);
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
}

const asKey = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });

test("a person makes a read-only key, sees its secret once, uses it, rotates it and revokes it", async ({
  page,
  request,
}) => {
  await signUp(page, "Kim Keys");
  await page.goto("/account");
  await page.getByLabel("Name", { exact: true }).fill("Nightly sync");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-secret").textContent())!;
  expect(secret).toMatch(/^ih_[\w-]{43}$/);
  await expect(page.getByRole("status").filter({ hasText: "shown only once" })).toBeFocused();
  const row = page.getByRole("listitem").filter({ hasText: "Nightly sync" });
  await expect(row).toContainText(secret.slice(0, 15));
  await expect(row).toContainText("integrations:read");

  expect((await request.get("/api/integrations", asKey(secret))).status()).toBe(200);
  const write = await request.post("/api/integrations/submit", {
    ...asKey(secret),
    data: { integrationType: "custom", integrationName: "Custom", data: { note: "x" } },
  });
  expect(write.status()).toBe(403);
  expect((await write.json()).code).toBe("insufficient_scope");
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  // Its last use shows after a reload.
  await page.reload();
  await expect(row).toContainText(/Last used .* from /);

  await row.getByRole("button", { name: "Rotate Nightly sync" }).click();
  await row.getByLabel("Keep it working 1 hour").check();
  await row.getByRole("button", { name: "Rotate", exact: true }).click();
  const rotated = (await page.getByTestId("new-secret").textContent())!;
  expect(rotated).not.toBe(secret);
  expect((await request.get("/api/integrations", asKey(secret))).status()).toBe(200);
  expect((await request.get("/api/integrations", asKey(rotated))).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke Nightly sync" }).click();
  await row.getByRole("button", { name: "Yes, revoke Nightly sync" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Nightly sync" })).toHaveCount(0);
  expect((await request.get("/api/integrations", asKey(rotated))).status()).toBe(401);
  expect((await request.get("/api/integrations", asKey(secret))).status()).toBe(401);
});

test("a bad key request says what is wrong and makes nothing", async ({ page }) => {
  await signUp(page, "Nia Nokey");
  await page.goto("/account");
  await page.getByLabel("integrations:read").uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("is required", { exact: true })).toBeVisible();
  await expect(page.getByText(/Choose at least one/)).toBeVisible();
  await expect(page.getByText("No keys yet.")).toBeVisible();
  // An ordinary user is never offered the admin scope.
  await expect(page.getByLabel("admin", { exact: true })).toHaveCount(0);
});

test("sign out everywhere ends this browser's session and any copy of its cookie", async ({
  page,
  context,
  playwright,
}) => {
  await signUp(page, "Eve Everywhere");
  const kept = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  const replay = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${kept.name}=${kept.value}` },
  });
  try {
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await replay.get("/api/integrations")).status()).toBe(401);
  } finally {
    await replay.dispose();
  }
});

test("an admin signs someone else out everywhere and disables them from /admin/users", async ({
  page,
  browser,
}) => {
  const person = await browser.newPage();
  await signUp(person, "Pat People");
  const email = (await person.request.get("/api/auth/session").then((r) => r.json())).user.email as string;

  await page.goto("/signin?callbackUrl=/admin/users");
  await fillSignIn(page, "admin@example.com", "admin-password");
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await page.getByRole("searchbox").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("listitem").filter({ hasText: email });
  await expect(row).toHaveCount(1);

  await row.getByRole("button", { name: `Sign out ${email} everywhere` }).click();
  await row.getByRole("button", { name: "Yes, sign them out" }).click();
  await expect(row.getByRole("status")).toContainText("revoked");
  expect((await person.request.get("/api/integrations")).status()).toBe(401);

  await row.getByRole("button", { name: `Disable ${email}` }).click();
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
  await person.close();
});

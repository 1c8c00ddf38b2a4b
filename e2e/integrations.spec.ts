import { expect, test, type Page } from "@playwright/test";

const uniqueEmail = () =>
  `user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;

async function signUp(page: Page, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Riley Recruiter");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Connect an integration" })).toBeVisible();
}

test("a user connects JobAdder, fixes a mistake, edits it, corrects it after it failed, and sees it completed", async ({
  page,
  browser,
}) => {
  // Two people's whole journey, about 25 page loads: near the default 30 s on a busy 2-core machine.
  test.setTimeout(60_000);
  const email = uniqueEmail();
  await signUp(page, email);

  await page.getByRole("link", { name: "Connect JobAdder" }).click();
  await expect(page.getByRole("heading", { name: "Connect JobAdder" })).toBeVisible();
  await expect(page.getByTestId("callback-url")).toContainText("/api/integrations/jobadder/callback");

  await page.getByLabel("Client ID").fill("ja-client-123");
  await page.getByRole("button", { name: "Submit JobAdder request" }).click();
  await expect(page.getByText("Client secret is required.")).toBeVisible();
  await expect(page.getByLabel("Client secret", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Client secret", { exact: true }).fill("jas_super_secret_value_9876");
  await page.getByRole("button", { name: "Show Client secret" }).click();
  await expect(page.getByLabel("Client secret", { exact: true })).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Submit JobAdder request" }).click();
  await expect(page.getByText(/Your JobAdder request was submitted/)).toBeVisible();
  // The secret never comes back into the page, only its masked form.
  expect(await page.content()).not.toContain("jas_super_secret_value_9876");
  await expect(page.getByText(/Stored as ••••9876/)).toBeVisible();
  const id = /\/integrations\/mine\/(\d+)/.exec(page.url())![1]!;

  await page.getByRole("link", { name: "My integrations" }).first().click();
  const item = page.getByRole("link", { name: new RegExp(`JobAdder.*#${id}`) });
  await expect(item).toContainText("Pending");
  await item.click();

  // Saving what is already stored says so and sends nothing.
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Nothing to change: every field is as it is stored.")).toBeVisible();
  await page.getByLabel("Account ID (optional)").fill("4242");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes were saved.")).toBeVisible();
  // The confirmation has the focus, and the form is ready for the next change at once.
  await expect(
    page.getByText("Your changes were saved.").locator("xpath=ancestor::div[@tabindex='-1']"),
  ).toBeFocused();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await expect(page.getByText("Updated Account ID")).toBeVisible();
  await expect(page.getByText(/· you$/).first()).toBeVisible();

  // An admin moves it along from the dashboard.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto("/signin?callbackUrl=/admin");
  await admin.getByLabel("Email").fill("admin@example.com");
  await admin.getByLabel("Password").fill("admin-password");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.getByLabel("Search").fill(email);
  // Wait for the search to apply: it replaces the table, and a drafted status with it.
  await expect(admin.getByText("Showing 1–1 of 1")).toBeVisible();
  const status = admin.getByLabel(`Status of #${id}`, { exact: true });
  await expect(status).toBeVisible();
  await status.selectOption("failed");
  await admin.getByRole("button", { name: `Save status of #${id}` }).click();
  await expect(admin.getByText(`#${id} is now Failed`)).toBeVisible();
  await expect(admin.getByRole("main").getByRole("alert")).toHaveCount(0);

  // The owner corrects it, which sends it back to the team for another try.
  await page.reload();
  await expect(page.getByRole("main").getByText("Failed", { exact: true })).toBeVisible();
  await page.getByLabel("Client secret", { exact: true }).fill("jas_corrected_secret_1234");
  await page.getByRole("button", { name: "Save and send for another try" }).click();
  await expect(page.getByText("Your changes were saved.")).toBeVisible();
  await expect(page.getByRole("main").getByText("Pending", { exact: true })).toBeVisible();

  await admin.reload();
  await expect(status).toHaveValue("pending");
  await status.selectOption("completed");
  await admin.getByRole("button", { name: `Save status of #${id}` }).click();
  await expect(admin.getByText(`#${id} is now Completed`)).toBeVisible();
  await adminContext.close();

  await page.reload();
  await expect(page.getByRole("main").getByText("Completed", { exact: true })).toBeVisible();
  // The save's confirmation was for then: a reload does not claim it again.
  await expect(page.getByText("Your changes were saved.")).toHaveCount(0);
  await expect(page.getByText(/Status changed from Pending to Completed/)).toBeVisible();
  // The status emails queued meanwhile are the team's business, not the owner's history.
  await expect(page.getByText(/^Email (queued|sent|failed)/)).toHaveCount(0);
});

test("a double click on submit creates one request", async ({ page }) => {
  await signUp(page, uniqueEmail());
  await page.goto("/integrations/greenhouse/new");
  await page.getByLabel("Harvest API key", { exact: true }).fill("gh_0123456789abcdef0123");
  const submit = page.getByRole("button", { name: "Submit Greenhouse request" });
  await submit.dblclick();
  await expect(page.getByText(/Your Greenhouse request was submitted/)).toBeVisible();
  await page.goto("/integrations/mine");
  await expect(page.getByRole("link", { name: /Greenhouse/ })).toHaveCount(1);
});

test("my integrations pages through more requests than fit on one page, both ways", async ({ page }) => {
  await signUp(page, uniqueEmail());
  // The session cookie authenticates API calls too (from this origin): 55 requests, "Lever 1" the oldest.
  const origin = new URL(page.url()).origin;
  for (let n = 1; n <= 55; n++) {
    const response = await page.request.post("/api/integrations/submit", {
      headers: { origin },
      data: {
        integrationType: "lever",
        integrationName: `Lever ${n}`,
        data: { apiKey: `lever-key-${n}-0123456789` },
      },
    });
    expect(response.status()).toBe(201);
  }
  await page.goto("/integrations/mine");
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText("Lever 55");
  await expect(page.getByText("55 requests, most recently updated first")).toBeVisible();
  await expect(page.getByRole("link", { name: "Newer" })).toHaveCount(0);

  await page.getByRole("link", { name: "Older" }).click();
  await expect(items).toHaveCount(5);
  await expect(items.last()).toContainText("Lever 1");
  await expect(page.getByRole("link", { name: "Older" })).toHaveCount(0);

  await page.getByRole("link", { name: "Newer" }).click();
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText("Lever 55");

  // An edited link starts again from the most recent instead of failing.
  await page.goto("/integrations/mine?cursor=edited");
  await expect(page).toHaveURL(/\/integrations\/mine$/);
  await expect(items).toHaveCount(50);
});

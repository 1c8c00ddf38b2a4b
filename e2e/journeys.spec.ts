// The three journeys people walk (#15), at desktop and phone width, with where the focus is after
// every action: a new user who makes mistakes, by keyboard only; an admin who fails the request
// with a message; the user who corrects it and sends it back.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { fillSignIn } from "./helpers/sign-in";

/** Presses Tab until `target` has the focus (a keyboard user's way there), or fails. */
async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `reachable with Tab within ${most} presses`).toBeFocused();
}

/** Replaces what the focused field holds, by keyboard. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

const WIDTHS = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

for (const { name, viewport } of WIDTHS) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test("a new user with mistakes (keyboard only), an admin failing it, the user correcting it", async ({
      page,
      browser,
    }) => {
      test.setTimeout(90_000);
      const email = `journey-${name}-${Date.now().toString(36)}@example.test`;

      // 1. Sign up, by keyboard: a password too short is said on its field, which keeps the focus.
      await page.goto("/signup");
      await tabTo(page, page.getByLabel("Name"));
      await page.keyboard.type("Jo Journey");
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("Work email")).toBeFocused();
      await page.keyboard.type(email);
      await page.keyboard.press("Tab");
      const password = page.getByLabel("Password");
      await expect(password).toBeFocused();
      await page.keyboard.type("short");
      await page.keyboard.press("Enter");
      await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
      await expect(password).toBeFocused();
      await retype(page, "a-good-journey-password");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { name: "Connect an integration" })).toBeVisible();

      // 2. The Greenhouse form, submitted empty: the missing key is said and focused.
      await tabTo(page, page.getByRole("link", { name: "Connect Greenhouse" }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { name: "Connect Greenhouse" })).toBeVisible();
      const submit = page.getByRole("button", { name: /^Submit Greenhouse request/ });
      await tabTo(page, submit);
      await page.keyboard.press("Enter");
      const key = page.getByLabel("Harvest API key", { exact: true });
      await expect(page.getByText("Harvest API key is required.")).toBeVisible();
      await expect(key).toBeFocused();
      await page.keyboard.type("gh_journey_key_0123456789");
      await page.keyboard.press("Enter");
      // The confirmation takes the focus on the request's page.
      const submitted = page.getByText("Your Greenhouse request was submitted.");
      await expect(submitted).toBeVisible();
      await expect(submitted.locator("xpath=ancestor::div[@tabindex='-1']")).toBeFocused();
      const id = /\/integrations\/mine\/(\d+)/.exec(page.url())![1]!;

      // 3. An admin fails it with a message; the confirmation has the focus.
      const adminContext = await browser.newContext({ viewport });
      const admin = await adminContext.newPage();
      await admin.goto(`/signin?callbackUrl=${encodeURIComponent(`/admin/${id}`)}`);
      await fillSignIn(admin, "admin@example.com", "admin-password");
      await expect(admin.getByRole("heading", { name: "Greenhouse" })).toBeVisible();
      await admin.getByLabel(/Message to the owner/).fill("The key lacks the Candidates permission.");
      await admin.getByLabel("Status", { exact: true }).selectOption("failed");
      await admin.getByRole("button", { name: "Save status" }).click();
      await expect(
        admin.getByRole("status").filter({ hasText: "with your message, is queued" }),
      ).toBeFocused();
      await adminContext.close();

      // 4. The user sees why, corrects the key and sends it back; the confirmation has the focus.
      await page.reload();
      await expect(
        page
          .getByRole("status")
          .filter({ hasText: "Message from our team: The key lacks the Candidates permission." }),
      ).toBeVisible();
      await key.fill("gh_journey_key_with_candidates_99");
      await page.getByRole("button", { name: "Save and send for another try" }).click();
      const saved = page.getByText("Your changes were saved.");
      await expect(saved).toBeVisible();
      await expect(saved.locator("xpath=ancestor::div[@tabindex='-1']")).toBeFocused();
      await expect(page.getByRole("main").getByText("Pending", { exact: true })).toBeVisible();
      // Nothing on the page pans sideways at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
    });
  });
}

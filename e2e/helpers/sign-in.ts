import type { Page } from "@playwright/test";

/** Signs in through the /signin form, as a person does (the page must show the form). */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

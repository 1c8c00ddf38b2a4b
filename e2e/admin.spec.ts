import { expect, test, type Page } from "@playwright/test";

async function signInAsAdmin(page: Page, path: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

test("keyboard users skip the rows' controls to the pagination", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  await page.getByRole("link", { name: "Skip to pagination" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: "Pagination" })).toBeFocused();
});

test("filters live in the URL, and back restores them", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  // The type filter names the catalog's systems first; anything else clients sent comes after.
  await expect(page.getByLabel("Type").locator("option").nth(1)).toHaveText("JobAdder");
  await expect(page.getByText(/Showing 1–\d+ of \d+/)).toBeVisible();
  await page.getByRole("button", { name: "Failed", exact: true }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByRole("button", { name: "Failed", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const statuses = page.locator("tbody select");
  await expect(statuses.first()).toHaveValue("failed");
  await page.getByRole("button", { name: /Submitted/ }).click();
  await expect(page).toHaveURL(/sort=submittedAt/);
  await page.goBack();
  await expect(page).toHaveURL(/status=failed$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/admin$/);
});

test("Previous pages back from a shared link to a later page", async ({ page, context }) => {
  // Eleven page loads in two tabs: 12 s alone, past 30 s when CI's two workers share the cores.
  test.slow();
  await signInAsAdmin(page, "/admin");
  // 25 rows a page unless the link says otherwise.
  await expect(page.getByText(/Showing 1–25 of \d+/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/Showing 26–50 of/)).toBeVisible();
  const secondPage = await page.locator("tbody a").first().textContent();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/Showing 51–\d+ of/)).toBeVisible();

  // Opened in a new tab there is no history to go back through: the page asks the server.
  const shared = await context.newPage();
  await shared.goto(page.url());
  await expect(shared.getByText(/Showing 51–\d+ of/)).toBeVisible();
  await shared.getByRole("button", { name: "Previous" }).click();
  await expect(shared.getByText(/Showing 26–50 of/)).toBeVisible();
  await expect(shared.locator("tbody a").first()).toHaveText(secondPage!);
  await shared.getByRole("button", { name: "Previous" }).click();
  await expect(shared.getByText(/Showing 1–25 of/)).toBeVisible();
  await expect(shared).toHaveURL(/\/admin$/);
  await expect(shared.getByRole("button", { name: "Previous" })).toBeDisabled();
});

test("an edited page link says so and leads back, not to the error page", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const url = new URL(page.url());
  url.searchParams.set("cursor", `${url.searchParams.get("cursor")}x`);
  await page.goto(url.toString());
  // (Next's route announcer is an alert too, so the message is found by its text.)
  await expect(
    page.getByRole("alert").filter({ hasText: "This link's page of results cannot be read" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "The dashboard could not load" })).toHaveCount(0);
  await page.getByRole("link", { name: "Show all submissions" }).click();
  await expect(page.getByText(/Showing 1–\d+ of/)).toBeVisible();
});

// Each test that changes a row takes its own (tests run in parallel on one database): the newest
// rows are anyone's, since other tests keep adding them.
async function ownRequest(page: Page, integrationName = "Lever"): Promise<number> {
  const created = await page.request.post("/api/integrations/submit", {
    headers: { origin: new URL(page.url()).origin },
    data: {
      integrationType: "lever",
      integrationName,
      data: { apiKey: "lv_admin_spec_0123456789" },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: number }).id;
}

test("an inline status change made on a stale page is refused, not written over someone else's", async ({
  page,
}) => {
  await signInAsAdmin(page, "/admin");
  const name = `Stale ${Date.now().toString(36)}`;
  const id = String(await ownRequest(page, name));
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);
  const select = page.getByLabel(`Status of #${id}`, { exact: true });
  const shown = await select.inputValue();
  // Someone else (here: the same admin through the API) moves it on after the page loaded.
  const elsewhere = shown === "failed" ? "completed" : "failed";
  const response = await page.request.put(`/api/integrations/${id}/update`, {
    headers: { origin: new URL(page.url()).origin },
    data: { status: elsewhere },
  });
  expect(response.status()).toBe(200);

  await select.selectOption(shown === "pending" ? "in_progress" : "pending");
  await page.getByRole("button", { name: `Save status of #${id}` }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    `#${id}: someone changed it since this page loaded`,
  );
  // The table now shows the other change, and the next change from here goes through.
  await expect(select).toHaveValue(elsewhere);
  await select.selectOption(shown);
  await select.press("Enter");
  await expect(page.getByText(new RegExp(`#${id} is now `))).toBeVisible();
  await expect(select).toBeFocused();
});

test("arrow keys on a row's status only draft a change; nothing is saved until Save", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  const id = (await page.locator("tbody a").nth(5).textContent())!.replace("#", "");
  const select = page.getByLabel(`Status of #${id}`, { exact: true });
  const shown = await select.inputValue();
  await select.focus();
  await select.press(shown === "failed" ? "ArrowUp" : "ArrowDown");
  await expect(select).not.toHaveValue(shown);
  await expect(page.getByRole("button", { name: `Save status of #${id}` })).toBeVisible();
  await select.press("Escape");
  await expect(select).toHaveValue(shown);
  await expect(page.getByRole("button", { name: `Save status of #${id}` })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel(`Status of #${id}`, { exact: true })).toHaveValue(shown);
});

/** Reloads the page with its scripts held back for a while, as a slow phone would get them. */
async function reloadSlowly(page: Page) {
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.reload({ waitUntil: "commit" });
}

test("a row's status chosen while the page is still loading is drafted, not lost", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  await reloadSlowly(page);
  const select = page.locator("tbody select").first();
  const label = (await select.getAttribute("aria-label"))!;
  const shown = await select.inputValue();
  await expect(select).toBeDisabled();
  await select.selectOption(shown === "failed" ? "completed" : "failed");
  await expect(
    page.getByRole("button", { name: label.replace("Status of", "Save status of") }),
  ).toBeVisible();
});

test("a search typed while the page is still loading is run once it is ready", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  await reloadSlowly(page);
  await page.getByLabel("Search").fill("admin@example.com");
  await expect(page).toHaveURL(/q=admin(@|%40)example\.com/);
  await expect(page.getByText(/^(Showing 1–\d+ of \d+|No results)$/)).toBeVisible();
  await expect(page.getByLabel("Search")).toHaveValue("admin@example.com");
});

test("a request number typed into search opens that request", async ({ page }) => {
  await signInAsAdmin(page, "/admin");
  const id = (await page.locator("tbody a").nth(1).textContent())!.replace("#", "");
  await page.getByLabel("Search").fill(`#${id}`);
  await page.getByRole("link", { name: `Open request #${id} →` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/${id}$`));
  await expect(page.getByRole("heading", { name: "Credentials and settings" })).toBeVisible();
});

test("the detail view reveals one field on purpose, records it, and lists the emails sent about it", async ({
  page,
}) => {
  await signInAsAdmin(page, "/admin");
  await page.goto(`/admin/${await ownRequest(page)}`);
  await expect(page.getByRole("heading", { name: "Credentials and settings" })).toBeVisible();
  const reveal = page.getByRole("button", { name: /^Reveal / }).first();
  const field = (await reveal.getAttribute("aria-label"))!.replace("Reveal ", "");
  await reveal.click();
  await expect(page.getByRole("button", { name: `Hide ${field}` })).toBeVisible();
  // The history shows the reveal at once, without a reload, and the value stays revealed.
  await expect(page.getByText("Credentials revealed").first()).toBeVisible();
  await expect(page.getByRole("button", { name: `Hide ${field}` })).toBeVisible();

  await page.goto("/admin/emails");
  await expect(page.getByRole("heading", { name: "Email outbox" })).toBeVisible();
  await expect(page.getByText(/this page is the mailbox/)).toBeVisible();
  await expect(page.getByText(/SMTP_URL/)).toHaveCount(0);
  await page.goto("/admin/emails?id=999999999");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("There is no email #999999999.");
});

test("an admin's status change is delivered to the owner's mailbox with a rendered preview", async ({
  page,
}) => {
  await signInAsAdmin(page, "/admin");
  await page.goto(`/admin/${await ownRequest(page)}`);
  const current = await page.getByLabel("Status", { exact: true }).inputValue();
  await page
    .getByLabel("Status", { exact: true })
    .selectOption(current === "completed" ? "failed" : "completed");
  await page.getByLabel(/Message to the owner/).fill("Checked with your IT team: all set.");
  await page.getByRole("button", { name: "Save status" }).click();
  // The confirmation says what happened and has the focus; the message was sent, not lost.
  await expect(page.getByRole("status").filter({ hasText: "with your message, is queued" })).toBeFocused();
  await expect(page.getByText(/Status changed from/).first()).toBeVisible();
  // The page has refreshed (the history shows the change): the confirmation outlived it.
  await expect(page.getByRole("status").filter({ hasText: "with your message, is queued" })).toBeVisible();
  await expect(page.getByText("“Checked with your IT team: all set.”")).toBeVisible();
  const email = page
    .getByRole("region", { name: "Emails about it" })
    .getByRole("link", { name: /Your .* integration (is now|couldn't be completed)/ })
    .first();
  await expect(email).toBeVisible();
  await email.click();
  const preview = page.frameLocator("iframe[title^='Preview of']");
  await expect(preview.getByRole("link", { name: "Open your request" })).toBeVisible();
  await expect(preview.getByText(/Checked with your IT team: all set\./)).toBeVisible();
});

test("a bulk change is confirmed in a dialog that names its count, and the counts follow", async ({
  page,
}) => {
  await signInAsAdmin(page, "/admin");
  const origin = new URL(page.url()).origin;
  const name = `Bulk ${Date.now().toString(36)}`;
  for (let i = 0; i < 2; i++) {
    const created = await page.request.post("/api/integrations/submit", {
      headers: { origin },
      data: {
        integrationType: "custom",
        integrationName: name,
        data: { systemName: name },
        status: "pending",
      },
    });
    expect(created.status()).toBe(201);
  }
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("Showing 1–2 of 2")).toBeVisible();
  await page.getByLabel("Select all rows on this page").check();
  await page.getByLabel("Set status to").selectOption("completed");
  await page.getByRole("button", { name: "Apply to 2" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Set 2 submissions to Completed?" });
  await expect(confirm).toContainText("Each owner whose request changes gets an email.");
  await expect(confirm.getByRole("button", { name: "Yes, set 2 submissions" })).toBeFocused();
  await confirm.getByRole("button", { name: "Yes, set 2 submissions" }).click();
  await expect(page.getByText("2 submissions set to Completed")).toBeFocused();
  await expect(page.getByLabel(/^Status of #/).first()).toHaveValue("completed");
  // The status cards count from the kept totals on every render, so they agree with the list
  // (other tests change rows meanwhile, hence the reload until both are read together).
  const card = page.getByRole("region", { name: "Overview" }).getByRole("link", { name: /^Completed/ });
  await expect
    .poll(async () => {
      await page.reload();
      const shown = Number((await card.textContent())!.replace(/\D/g, ""));
      const listed = await page.request
        .get("/api/integrations/all?status=completed&limit=1")
        .then((r) => r.json());
      return shown - (listed as { count: number }).count;
    })
    .toBe(0);
});

test("a row's actions: quick view beside the list, copy its number, change its status", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsAdmin(page, "/admin");
  const name = `Actions ${Date.now().toString(36)}`;
  const id = await ownRequest(page, name);
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);
  const trigger = page.getByRole("button", { name: `Actions for #${id}` });

  // Quick view: the row's facts and masked data in a sheet; Escape gives the focus back.
  await trigger.click();
  await page.getByRole("menuitem", { name: "Quick view" }).click();
  const sheet = page.getByRole("dialog", { name: `#${id} ${name}` });
  await expect(sheet).toContainText("Credentials and settings (masked)");
  await expect(sheet).toContainText("••••6789");
  await expect(sheet.getByRole("link", { name: "Open the full page" })).toHaveAttribute(
    "href",
    `/admin/${id}`,
  );
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(trigger).toBeFocused();

  // Copy ID, by keyboard: the menu opens on Enter and arrows move through it.
  await trigger.press("Enter");
  await page.getByRole("menuitem", { name: "Copy ID" }).press("Enter");
  await expect(page.getByText(`Copied #${id}`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(String(id));

  // Change status from the menu: the same save as the status cell, confirmed with the focus.
  await trigger.click();
  await page.getByRole("menuitem", { name: "Change status" }).press("ArrowRight");
  await page.getByRole("menuitemradio", { name: "In progress" }).press("Enter");
  await expect(page.getByText(`#${id} is now In progress`)).toBeVisible();
  await expect(trigger).toBeFocused();
  await expect(page.getByLabel(`Status of #${id}`, { exact: true })).toHaveValue("in_progress");
});

test("a message to the owner on its own: the status stays, the history and the owner's inbox have it", async ({
  page,
}) => {
  await signInAsAdmin(page, "/admin");
  const id = await ownRequest(page);
  await page.goto(`/admin/${id}`);
  const status = await page.getByLabel("Status", { exact: true }).inputValue();
  await expect(page.getByRole("button", { name: "Save status" })).toBeDisabled();
  await page.getByLabel(/Message to the owner/).fill("Could you add the Recruiting domain to the ISU?");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Message sent" })).toBeFocused();
  await expect(page.getByText("“Could you add the Recruiting domain to the ISU?”")).toBeVisible();
  await expect(page.getByText("Message from our team")).toBeVisible();
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue(status);
  const email = page
    .getByRole("region", { name: "Emails about it" })
    .getByRole("link", { name: /A message about your .* request/ })
    .first();
  await expect(email).toBeVisible();
});

test("on a phone the cards sort from a select, and every control is a thumb's size, a request's too", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAsAdmin(page, "/admin");
  await expect(page.getByText(/Showing 1–\d+ of \d+/)).toBeVisible();
  const sortBy = page.getByLabel("Sort by");
  await expect(sortBy).toHaveValue("-submittedAt");
  await sortBy.selectOption({ label: "User, ascending" });
  await expect(page).toHaveURL(/sort=userEmail$/);
  await expect(page.getByRole("columnheader", { name: "User" })).toHaveAttribute("aria-sort", "ascending");
  await expect(sortBy).toHaveValue("userEmail");
  // The rows' controls first drafted, so their Save and Cancel are measured too.
  await page.locator("main select[aria-label^='Status of']").first().selectOption("failed");
  const request = await page.locator("tbody a[href^='/admin/']").first().getAttribute("href");
  for (const path of [null, request, "/admin/emails"]) {
    if (path) await page.goto(path);
    const small = await page.locator("main").evaluate((main) =>
      // The header (with its sort buttons) is for screen readers only at this width.
      [
        ...main.querySelectorAll(
          "button, select, input:not([type=checkbox]), [role=button], summary, tbody a",
        ),
      ]
        .filter((control) => !control.closest("thead"))
        .map((control) => ({ control, box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.height > 0 && box.height < 44)
        .map(({ control, box }) => `${control.outerHTML.slice(0, 80)}… ${Math.round(box.height)} px`),
    );
    // 44 px, the size Apple and WCAG's enhanced target size ask for.
    expect(small, `controls under 44 px on ${path ?? "/admin"}`).toEqual([]);
  }
});

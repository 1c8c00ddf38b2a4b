// Every main view in light and dark (the system preference next-themes follows by default), at
// desktop and phone width: axe-core finds no serious or critical violation of WCAG 2 A/AA, and
// nothing pans sideways at 360 px. A screenshot of each view, theme and width is attached to the
// test as an artifact, so a reviewer can look without running anything.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillSignIn } from "./helpers/sign-in";

type Theme = "light" | "dark";
const WIDTHS = { desktop: { width: 1440, height: 900 }, phone: { width: 360, height: 780 } } as const;

async function signedIn(browser: Browser, email: string, password: string, theme: Theme) {
  const context = await browser.newContext({ colorScheme: theme, viewport: WIDTHS.desktop });
  const page = await context.newPage();
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  return page;
}

/** axe at desktop width, then screenshots at both widths, with the phone's sideways-pan check. */
async function check(page: Page, path: string, name: string, theme: Theme) {
  await page.setViewportSize(WIDTHS.desktop);
  await page.goto(path);
  await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${name} (${theme}): ${v.id} × ${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    // A file in the test's output folder (test-results/), kept after the run.
    const file = test.info().outputPath(`${name}-${theme}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await test.info().attach(`${name}-${theme}-${label}`, { path: file, contentType: "image/png" });
  }
  const pans = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  return { serious, pans: pans > 0 ? [`${name} (${theme}) is ${pans} px wider than a 360 px screen`] : [] };
}

for (const theme of ["light", "dark"] as const) {
  test(`every main view in the ${theme} theme passes axe and fits a phone`, async ({ browser }) => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    const record = ({ serious, pans }: { serious: string[]; pans: string[] }) =>
      problems.push(...serious, ...pans);

    const anonymous = await (await browser.newContext({ colorScheme: theme })).newPage();
    for (const [path, name] of [
      ["/", "home"],
      ["/signin", "sign-in"],
      ["/signup", "sign-up"],
      ["/docs/api", "api-docs"],
    ] as const) {
      record(await check(anonymous, path, name, theme));
    }

    const user = await signedIn(browser, "demo@example.com", "demo-password", theme);
    const mine = (await (await user.request.get("/api/integrations?limit=1")).json()) as {
      integrations: { id: number }[];
    };
    const id = mine.integrations[0]!.id;
    for (const [path, name] of [
      ["/integrations", "catalog"],
      ["/integrations/greenhouse/new", "form"],
      ["/integrations/mine", "my-integrations"],
      [`/integrations/mine/${id}`, "request"],
      ["/account", "account"],
    ] as const) {
      record(await check(user, path, name, theme));
    }

    const admin = await signedIn(browser, "admin@example.com", "admin-password", theme);
    for (const [path, name] of [
      ["/admin", "admin"],
      [`/admin/${id}`, "admin-detail"],
      ["/admin/emails", "outbox"],
      ["/admin/users", "people"],
    ] as const) {
      record(await check(admin, path, name, theme));
    }
    expect(problems).toEqual([]);
  });
}

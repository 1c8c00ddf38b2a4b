// npm run bench:js -- --url http://127.0.0.1:3000 [--email E --password P]: the JavaScript each
// main page makes a browser download on its first load (the encoded bytes of every script, no
// cache, until the network is idle), signed in as the given account (an admin, to reach every
// page). Start two builds side by side and run it against each to compare them (#15 holds
// first-load JS to at most 20 % growth).
import { chromium, type BrowserContext } from "@playwright/test";
import { fail, option, run } from "../cli";
import { CHROMIUM_PATH } from "../ensure-browser";

const SIGNED_OUT = ["/", "/signin"];
const SIGNED_IN = [
  "/integrations",
  "/integrations/greenhouse/new",
  "/integrations/mine",
  "/account",
  "/account/webhooks",
  "/admin",
  "/admin/emails",
  "/docs/api",
];

async function scriptBytes(context: BrowserContext, url: string): Promise<number | string> {
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  const total = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
  await page.close();
  return response?.ok() ? total : `answered ${response?.status()}`;
}

run(async () => {
  const base = option("url") ?? fail("--url takes the address of a running build.");
  const email = option("email") ?? "admin@example.com";
  const password = option("password") ?? "admin-password";
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  try {
    // Each page in a context of its own (signed in: sharing only the session cookie), so
    // nothing is cached from the page before.
    const fresh = async (
      path: string,
      storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
    ) => {
      const context = await browser.newContext({ baseURL: base, storageState });
      const bytes = await scriptBytes(context, path);
      await context.close();
      return bytes;
    };
    const rows: [string, number | string][] = [];
    for (const path of SIGNED_OUT) rows.push([path, await fresh(path)]);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    const session = await context.storageState();
    await context.close();
    for (const path of SIGNED_IN) rows.push([path, await fresh(path, session)]);
    for (const [path, bytes] of rows)
      console.log(
        `${path.padEnd(32)} ${typeof bytes === "number" ? `${(bytes / 1024).toFixed(1)} KiB` : bytes}`,
      );
  } finally {
    await browser.close();
  }
});

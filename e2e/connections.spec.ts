// Connection checks in the browser (#16): a fake Greenhouse Harvest API on loopback that accepts
// one key, a fake OAuth provider standing in for JobAdder, and an instance of the app pointed at
// both. The form tests a key before submitting; the request page tests the stored one; a JobAdder
// request is connected through the provider's consent page.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/free-port";
import { exited, ready, startInstance, type Instance } from "./helpers/instances";
import { newAccount } from "./helpers/raw-http";
import { fillSignIn } from "./helpers/sign-in";
import {
  fakeProviderEnv,
  startFakeOAuthProvider,
  type FakeOAuthProvider,
} from "../tests/helpers/fake-oauth-provider";

test.describe.configure({ mode: "serial" });

const GOOD_KEY = "gh_good_key_0123456789";
let provider: http.Server;
let jobadder: FakeOAuthProvider;
let app: Instance;
let appUrl: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  provider = http.createServer((req, res) => {
    const ok = req.headers.authorization === `Basic ${Buffer.from(`${GOOD_KEY}:`).toString("base64")}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(ok ? "[]" : '{"message":"Invalid Basic Auth credentials"}');
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  jobadder = await startFakeOAuthProvider();
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  app = startInstance(port, {
    APP_URL: appUrl,
    WEB_CONCURRENCY: "1",
    INTEGRATION_GREENHOUSE_API_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
    ...fakeProviderEnv("jobadder", jobadder),
  });
  await ready(port);
});

test.afterAll(async () => {
  app?.child.kill("SIGTERM");
  if (app) await exited(app.child);
  provider?.close();
  await jobadder?.close();
});

test("a refused Greenhouse key is caught before submitting; the stored one tests as connected", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  const { email, password } = await newAccount("Gia Greenhouse");
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Gia Greenhouse");

  await page.goto("/integrations/greenhouse/new");
  await page.getByLabel("Harvest API key", { exact: true }).fill("gh_wrong_key_0123456789");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Greenhouse answered 401: the credentials were refused" }),
  ).toBeVisible();
  await page.getByLabel("Harvest API key", { exact: true }).fill(GOOD_KEY);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Greenhouse accepted the credentials" }),
  ).toBeVisible();
  // An email where the user's number goes: said on the field, which takes the focus, before sending.
  const onBehalf = page.getByLabel("On-behalf-of user ID");
  await onBehalf.fill("jane@acme.com");
  await page.getByRole("button", { name: /^Submit Greenhouse request/ }).click();
  await expect(onBehalf).toBeFocused();
  await expect(
    page.getByText("On-behalf-of user ID must be a number (the user's ID, not an email)."),
  ).toBeVisible();
  await onBehalf.fill("4080512");
  await page.getByRole("button", { name: /^Submit Greenhouse request/ }).click();
  await expect(page.getByText("Your Greenhouse request was submitted.")).toBeVisible();

  const panel = page.getByRole("region", { name: "Connection" });
  await expect(panel).toContainText("Not tested yet");
  await panel.getByRole("button", { name: "Test connection" }).click();
  await expect(panel).toContainText("Connected");
  await expect(panel).toContainText("Greenhouse accepted the credentials");
  await expect(panel.getByRole("button", { name: "Test again" })).toBeVisible();
  await expect(page.getByText("Connection tested: Greenhouse accepted the credentials")).toBeVisible();
});

test("a JobAdder request is connected through the provider's consent page, and a refusal says so", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  const { email, password } = await newAccount("Jo Adder");
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Jo Adder");

  await page.goto("/integrations/jobadder/new");
  await expect(page.getByTestId("callback-url")).toHaveText(`${appUrl}/api/integrations/jobadder/callback`);
  await page.getByLabel("Client ID", { exact: true }).fill(jobadder.client.clientId);
  await page.getByLabel("Client secret", { exact: true }).fill(jobadder.client.clientSecret);
  await page.getByRole("button", { name: /^Submit JobAdder request/ }).click();
  await expect(page.getByText("Your JobAdder request was submitted.")).toBeVisible();
  const request = page.url().replace(/\?.*$/, "");
  // The list says it waits for the person too.
  const id = /\/integrations\/mine\/(\d+)/.exec(request)![1]!;
  await page.goto("/integrations/mine");
  await expect(page.getByRole("link", { name: new RegExp(`#${id}\\b`) })).toContainText("Not connected");
  await page.goto(request);

  const panel = page.getByRole("region", { name: "Connection" });
  await expect(panel).toContainText("Not connected");
  await panel.getByRole("link", { name: "Connect" }).click();
  await expect(page.getByRole("heading", { name: "Grant access to Integrations Hub?" })).toBeVisible();
  await page.getByRole("link", { name: "Approve" }).click();

  await expect(page.getByText("JobAdder is connected.")).toBeVisible();
  await expect(page).toHaveURL(request);
  await page.goto("/integrations/mine");
  await expect(page.getByRole("link", { name: new RegExp(`#${id}\\b`) })).not.toContainText("Not connected");
  await page.goto(request);
  await expect(panel).toContainText("Connected to JobAdder");
  await panel.getByRole("button", { name: "Test again" }).click();
  await expect(panel).toContainText("JobAdder accepted the credentials");
  await expect(page.getByText("Connection tested: JobAdder accepted the credentials")).toBeVisible();

  // Connecting again, and leaving the consent page without granting access.
  await panel.getByRole("link", { name: "Reconnect" }).click();
  await page.getByRole("link", { name: "Deny" }).click();
  await expect(page.getByRole("heading", { name: "Connection not finished" })).toBeVisible();
  const problem = page.getByRole("main").getByRole("alert");
  await expect(problem).toContainText("Access was not granted");
  await expect(problem).toContainText("Nothing was stored.");
  await page.getByRole("link", { name: "Back to your request, to connect again" }).click();
  await expect(page).toHaveURL(request);
  await expect(panel).toContainText("JobAdder accepted the credentials");
  await expect(
    page.getByText("Connecting failed: Access was not granted on JobAdder's consent page"),
  ).toBeVisible();
});

test("an admin finds the connections that need attention from the dashboard", async ({ browser }) => {
  test.setTimeout(60_000);
  // A request whose stored key the provider refuses.
  const owner = await (await browser.newContext({ baseURL: appUrl })).newPage();
  const { email, password } = await newAccount("Fay Failing");
  await owner.goto("/signin");
  await fillSignIn(owner, email, password);
  await expect(owner.getByTestId("signed-in-as")).toHaveText("Fay Failing");
  await owner.goto("/integrations/greenhouse/new");
  await owner.getByLabel("Harvest API key", { exact: true }).fill("gh_revoked_key_0123456789");
  await owner.getByRole("button", { name: /^Submit Greenhouse request/ }).click();
  await expect(owner.getByText("Your Greenhouse request was submitted.")).toBeVisible();
  const id = /\/integrations\/mine\/(\d+)/.exec(owner.url())![1]!;
  const panel = owner.getByRole("region", { name: "Connection" });
  await panel.getByRole("button", { name: "Test connection" }).click();
  await expect(panel).toContainText("Check failed");

  const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await page.goto("/signin");
  await fillSignIn(page, "admin@example.com", "admin-password");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto("/admin");
  const card = page.getByRole("link", { name: /Connections needing attention/ });
  await expect(card).not.toContainText(/^0$/);
  await page.getByRole("button", { name: "Needs attention" }).click();
  await expect(page.getByRole("button", { name: "Needs attention" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/connection=attention/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `#${id}`, exact: true }) });
  await expect(row).toContainText("Failing");
  // Every row listed needs attention.
  await expect(page.getByRole("cell", { name: /^(Connected|Not tested|Not connected)$/ })).toHaveCount(0);
});

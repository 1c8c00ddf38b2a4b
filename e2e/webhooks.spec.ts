// Webhooks in the browser (#18): an instance that may call loopback receivers, and one receiver.
// A user adds an endpoint, keeps its secret, sends a test event, then sees a request's event in
// the delivery log, signed with that secret.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/free-port";
import { exited, ready, startInstance, type Instance } from "./helpers/instances";
import { newAccount } from "./helpers/raw-http";
import { fillSignIn } from "./helpers/sign-in";

test.describe.configure({ mode: "serial" });

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer = 200;
let receiver: http.Server;
let receiverUrl: string;
let app: Instance;
let appUrl: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answer, { "content-type": "text/plain" });
      res.end(answer < 300 ? "ok" : "receiver down");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  app = startInstance(port, { APP_URL: appUrl, WEB_CONCURRENCY: "1", WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
  await ready(port);
});

test.afterAll(async () => {
  app?.child.kill("SIGTERM");
  if (app) await exited(app.child);
  receiver?.close();
});

test("a user adds an endpoint, keeps its secret, tests it, and finds a request's signed event in the log", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  const { email, password } = await newAccount("Wes Webhook");
  await page.goto("/signin?callbackUrl=%2Faccount");
  await fillSignIn(page, email, password);
  await page.getByRole("link", { name: "Manage webhooks →" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

  // A refusal only the server can make lands on the URL field, with the focus, and keeps what
  // was typed and ticked.
  const url = page.getByLabel("URL");
  await url.fill("https://someone:secret@hooks.example.com/x");
  await page.getByLabel("submission.created").check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("The URL must not carry a user name or password")).toBeVisible();
  await expect(url).toBeFocused();
  await expect(url).toHaveValue("https://someone:secret@hooks.example.com/x");
  await expect(page.getByLabel("submission.created")).toBeChecked();

  await url.fill(receiverUrl);
  await page.getByLabel("webhook.test").check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secretPanel = page.getByRole("status").filter({ hasText: "Copy this signing secret now" });
  await expect(secretPanel).toBeFocused();
  const secret = (await page.getByTestId("new-secret").textContent())!;
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByTestId("new-secret")).toHaveCount(0);

  const endpoint = page.getByRole("list", { name: "Webhook endpoints" }).getByRole("listitem").first();
  await expect(endpoint).toContainText(receiverUrl);
  // The receiver down: the test says so; back up: delivered.
  answer = 503;
  await endpoint.getByRole("button", { name: "Send test event" }).click();
  await expect(endpoint.getByRole("status")).toContainText(
    "Not delivered: Answered 503. It will be tried again.",
  );
  answer = 200;
  await endpoint.getByRole("button", { name: "Send test event" }).click();
  await expect(endpoint.getByRole("status")).toContainText(/Delivered: answered 200/);

  // A request submitted through the API: its event is delivered, signed with the secret.
  const submitted = await page.request.post("/api/integrations/submit", {
    headers: { origin: appUrl },
    data: { integrationType: "custom", integrationName: "Hooked HRIS", data: { systemName: "Hooked HRIS" } },
  });
  expect(submitted.status()).toBe(201);
  await expect.poll(() => received.some((r) => r.body.includes('"submission.created"'))).toBe(true);
  const event = received.find((r) => r.body.includes('"submission.created"'))!;
  const signature = createHmac("sha256", Buffer.from(secret.slice(6), "base64"))
    .update(`${event.headers["webhook-id"]}.${event.headers["webhook-timestamp"]}.${event.body}`)
    .digest("base64");
  expect(event.headers["webhook-signature"]).toBe(`v1,${signature}`);

  await endpoint.getByRole("link", { name: "Deliveries" }).click();
  const log = page.getByRole("table", { name: "Deliveries" });
  await expect(log.getByRole("row").filter({ hasText: "submission.created" })).toContainText("delivered");
  // The failed test waits for its next try; Retry sends it now.
  await page.getByRole("link", { name: "pending", exact: true }).click();
  await expect(page.getByRole("link", { name: "pending", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const waiting = log.getByRole("row").filter({ hasText: "webhook.test" });
  await expect(waiting).toContainText("receiver down");
  await waiting.getByRole("button", { name: "Retry" }).click();
  // The delivery worker sends it on its next pass, which a loaded CI machine can hold back past
  // expect's default 5 s.
  await expect
    .poll(
      async () => {
        await page.reload();
        return log.getByRole("row").filter({ hasText: "webhook.test" }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(0);
  await expect(page.getByText("No deliveries match.")).toBeVisible();
  await page.getByRole("link", { name: "delivered", exact: true }).click();
  await expect(page.getByRole("link", { name: "delivered", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toHaveCount(2);
});

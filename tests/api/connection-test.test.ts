import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionTestResponse } from "@/lib/integrations/api-responses";
import { call } from "@/tests/helpers/call";
import { readOne, testStored } from "@/tests/helpers/connections";
import { submission, submitAs, updateAs } from "@/tests/helpers/integrations";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser } from "@/tests/helpers/users";

// A fake Greenhouse Harvest API on loopback: it accepts one key and refuses every other, and
// answers with a body that must never reach our answers.
const GOOD_KEY = "gh_good_0123456789abcdef";
const received: string[] = [];
let fake: http.Server;

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    const ok = req.headers.authorization === `Basic ${Buffer.from(`${GOOD_KEY}:`).toString("base64")}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(JSON.stringify(ok ? [{ id: 1 }] : { message: "Invalid Basic Auth credentials SECRET-BODY" }));
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  // Before this file's first env(): the provider at our fake, which is on a private address.
  process.env.INTEGRATION_GREENHOUSE_API_URL = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  process.env.INTEGRATION_ALLOW_PRIVATE_URLS = "true";
});
afterAll(() => fake.close());

const greenhouse = (key: string) =>
  submission({ integrationType: "greenhouse", integrationName: "Greenhouse", data: { harvestApiKey: key } });

describe("testing a connection", () => {
  it("checks stored credentials with the provider and records the result, never its body or the key", async () => {
    const owner = await createTestUser();
    const id = await submitAs(owner, greenhouse("gh_wrong_0123456789abcdef"));
    expect((await readOne(owner, id)).integration.connection).toEqual({
      status: "untested",
      checkedAt: null,
      message: null,
    });

    const refused = await testStored(owner, id);
    expect(refused.status).toBe(200);
    const failed = connectionTestResponse.parse(refused.json).connection;
    expect(failed).toMatchObject({
      status: "failed",
      message: "Greenhouse answered 401: the credentials were refused",
    });
    expect(refused.text).not.toContain("SECRET-BODY");
    expect(refused.text).not.toContain("gh_wrong");
    expect(received.at(-1)).toMatch(/^GET \/v1\/users\?per_page=1 Basic /);

    const shown = (await readOne(owner, id)).integration.connection;
    expect(shown).toMatchObject({ status: "failed", message: failed.message });
    const events = await rawQuery<{ details: string }>(
      "select details from integration_events where submission_id = ? and type = 'connection_tested'",
      [id],
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain("gh_wrong");

    const updated = await updateAs(owner, id, { data: { harvestApiKey: GOOD_KEY } });
    expect(updated.status).toBe(200);
    expect(connectionTestResponse.parse((await testStored(owner, id)).json).connection.status).toBe("ok");
    expect((await readOne(owner, id)).integration.connection.status).toBe("ok");
  });

  it("checks credentials before they are submitted, storing nothing", async () => {
    const user = await createTestUser();
    const { POST } = await import("@/app/api/integrations/test/route");
    const before = await rawQuery<{ n: number }>(
      "select count(*) n from integration_submissions where user_id = ?",
      [user.id],
    );
    const good = await call(POST, "/api/integrations/test", {
      headers: user.headers,
      body: greenhouse(GOOD_KEY),
    });
    expect(connectionTestResponse.parse(good.json).connection).toMatchObject({
      status: "ok",
      message: "Greenhouse accepted the credentials",
    });
    const after = await rawQuery<{ n: number }>(
      "select count(*) n from integration_submissions where user_id = ?",
      [user.id],
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    const invalid = await call(POST, "/api/integrations/test", {
      headers: user.headers,
      body: { integrationType: "greenhouse" },
    });
    expect(invalid.status).toBe(400);
  });

  it("answers 409 for a type without a check, 404 for someone else's, 429 past the limit", async () => {
    const [owner, stranger] = [await createTestUser(), await createTestUser()];
    const custom = await submitAs(
      owner,
      submission({
        integrationType: "custom",
        integrationName: "Our HRIS",
        data: { systemName: "Our HRIS" },
      }),
    );
    expect(await testStored(owner, custom)).toMatchObject({ status: 409, json: { code: "not_testable" } });
    expect((await readOne(owner, custom)).integration.connection.status).toBe("unsupported");
    const oauth = await submitAs(owner);
    expect(await testStored(owner, oauth)).toMatchObject({ status: 409, json: { code: "not_connected" } });
    expect((await readOne(owner, oauth)).integration.connection.status).toBe("not_connected");
    const id = await submitAs(owner, greenhouse(GOOD_KEY));
    expect((await testStored(stranger, id)).status).toBe(404);
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await testStored(owner, id)).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(answers[10]).toBe(429);
  });

  it("sends Workday's check to the endpoint the customer gave, as SOAP", async () => {
    const user = await createTestUser();
    const { POST } = await import("@/app/api/integrations/test/route");
    const body = submission({
      integrationType: "workday",
      integrationName: "Workday Recruiting",
      data: {
        tenant: "acme",
        username: "isu",
        password: "pw",
        endpoint: `${process.env.INTEGRATION_GREENHOUSE_API_URL}/ccx/service/acme`,
      },
    });
    const answer = await call(POST, "/api/integrations/test", { headers: user.headers, body });
    expect(connectionTestResponse.parse(answer.json).connection.status).toBe("failed");
    expect(received.at(-1)).toMatch(/^POST \/ccx\/service\/acme\/Recruiting\/v42\.0/);
  });
});

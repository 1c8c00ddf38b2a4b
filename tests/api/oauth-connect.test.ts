import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { readOne, testStored } from "@/tests/helpers/connections";
import {
  fakeProviderEnv,
  startFakeOAuthProvider,
  type FakeOAuthProvider,
} from "@/tests/helpers/fake-oauth-provider";
import { submission, submitAs } from "@/tests/helpers/integrations";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";

// JobAdder (PKCE) and Bullhorn (single-use refresh tokens) pointed at one fake each.
let jobadder: FakeOAuthProvider;
let bullhorn: FakeOAuthProvider;

beforeAll(async () => {
  jobadder = await startFakeOAuthProvider();
  bullhorn = await startFakeOAuthProvider({ clientId: "bh-client", clientSecret: "bh-secret-0123456789" });
  // Before this file's first env().
  Object.assign(process.env, fakeProviderEnv("jobadder", jobadder), fakeProviderEnv("bullhorn", bullhorn));
});
afterAll(async () => {
  await jobadder.close();
  await bullhorn.close();
});

const request = (
  type: "jobadder" | "bullhorn",
  client = type === "jobadder" ? jobadder.client : bullhorn.client,
) =>
  submission({
    integrationType: type,
    integrationName: type === "jobadder" ? "JobAdder" : "Bullhorn",
    data: { ...client, ...(type === "bullhorn" ? { username: "api.user", password: "bh-password-1" } : {}) },
  });

async function connect(caller: TestUser, id: number) {
  const { GET } = await import("@/app/api/integrations/[id]/connect/route");
  return call(GET, `/api/integrations/${id}/connect`, {
    headers: caller.headers,
    params: { id: String(id) },
  });
}

async function callback(caller: TestUser, type: string, query: URLSearchParams | string) {
  const { GET } = await import("@/app/api/integrations/[id]/callback/route");
  return call(GET, `/api/integrations/${type}/callback?${query.toString()}`, {
    headers: caller.headers,
    params: { id: type },
  });
}

/** Connect, approve on the fake consent page, and come back: the callback's answer. */
async function connectAndApprove(owner: TestUser, id: number, fake: FakeOAuthProvider, type: string) {
  const started = await connect(owner, id);
  expect(started.status).toBe(302);
  const back = await fake.approve(started.headers.get("location")!);
  return callback(owner, type, back.searchParams);
}

const tokenRows = async (id: number) =>
  rawQuery<{ sealed: string }>("SELECT sealed FROM integration_tokens WHERE submission_id = ?", [id]);

describe("connecting an OAuth integration", () => {
  it("sends the owner to the consent page with a state and PKCE, and keeps the tokens sealed", async () => {
    const owner = await createTestUser();
    const id = await submitAs(owner, request("jobadder"));
    expect((await readOne(owner, id)).integration.connection.status).toBe("not_connected");

    const started = await connect(owner, id);
    expect(started.status).toBe(302);
    const consent = new URL(started.headers.get("location")!);
    expect(`${consent.origin}${consent.pathname}`).toBe(`${jobadder.url}/authorize`);
    expect(Object.fromEntries(consent.searchParams)).toMatchObject({
      response_type: "code",
      client_id: jobadder.client.clientId,
      redirect_uri: "http://localhost:3000/api/integrations/jobadder/callback",
      scope: "read write offline_access",
      code_challenge_method: "S256",
    });
    expect(consent.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
    expect(consent.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);

    const back = await jobadder.approve(consent.toString());
    const landed = await callback(owner, "jobadder", back.searchParams);
    expect(landed.status).toBe(303);
    expect(landed.headers.get("location")).toBe(`/integrations/mine/${id}?connected=1`);

    const item = (await readOne(owner, id)).integration;
    expect(item.connection).toMatchObject({ status: "ok", message: "Connected to JobAdder" });
    // Sealed: no token readable in the table, none in the item.
    const [row] = await tokenRows(id);
    expect(row!.sealed).not.toMatch(/at_|rt_/);
    expect(JSON.stringify(item)).not.toMatch(/at_|rt_/);

    // The held access token proves itself at the provider's API.
    const tested = await testStored(owner, id);
    expect(tested.json.connection).toMatchObject({ status: "ok" });
  });

  it("spends a state once, and refuses forged, expired and foreign ones without storing anything", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const id = await submitAs(owner, request("jobadder"));

    const forged = await callback(owner, "jobadder", "state=forged-state-value&code=whatever");
    expect(forged.headers.get("location")).toBe("/integrations/connection-problem?reason=state_unknown");
    expect((await callback(owner, "jobadder", "code=whatever")).headers.get("location")).toBe(
      "/integrations/connection-problem?reason=state_missing",
    );

    const started = await connect(owner, id);
    const back = await jobadder.approve(started.headers.get("location")!);
    // Another signed-in person cannot finish it (and does not spend it).
    const foreign = await callback(stranger, "jobadder", back.searchParams);
    expect(foreign.headers.get("location")).toBe("/integrations/connection-problem?reason=state_foreign");
    expect(await tokenRows(id)).toHaveLength(0);
    // Past its 10 minutes.
    await rawQuery(
      "UPDATE oauth_states SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE submission_id = ?",
      [id],
    );
    const expired = await callback(owner, "jobadder", back.searchParams);
    expect(expired.headers.get("location")).toBe("/integrations/connection-problem?reason=state_expired");
    expect(await tokenRows(id)).toHaveLength(0);

    // A fresh one works once; the same address again is a replay.
    const second = await jobadder.approve((await connect(owner, id)).headers.get("location")!);
    expect((await callback(owner, "jobadder", second.searchParams)).status).toBe(303);
    const replay = await callback(owner, "jobadder", second.searchParams);
    expect(replay.headers.get("location")).toBe("/integrations/connection-problem?reason=state_used");
  });

  it("stores nothing when access is denied or the code exchange fails, and says so in the history", async () => {
    const owner = await createTestUser();
    const denied = await submitAs(owner, request("jobadder"));
    const state = new URL((await connect(owner, denied)).headers.get("location")!).searchParams.get("state")!;
    const refused = await callback(owner, "jobadder", new URLSearchParams({ state, error: "access_denied" }));
    expect(refused.headers.get("location")).toBe(
      `/integrations/connection-problem?reason=denied&id=${denied}`,
    );
    expect(await tokenRows(denied)).toHaveLength(0);
    expect((await readOne(owner, denied)).integration.connection.status).toBe("not_connected");

    // A client secret the provider does not know: the exchange is refused.
    const wrong = await submitAs(
      owner,
      request("jobadder", { clientId: jobadder.client.clientId, clientSecret: "wrong-secret" }),
    );
    const landed = await connectAndApprove(owner, wrong, jobadder, "jobadder");
    expect(landed.headers.get("location")).toBe(
      `/integrations/connection-problem?reason=exchange_failed&id=${wrong}`,
    );
    expect(await tokenRows(wrong)).toHaveLength(0);
    const events = await rawQuery<{ details: string }>(
      "SELECT details FROM integration_events WHERE submission_id = ? AND type = 'connect_failed'",
      [wrong],
    );
    expect(JSON.stringify(events)).toContain("JobAdder answered 401 (invalid_client)");
    expect(JSON.stringify(events)).not.toContain("SECRET-BODY");
  });

  it("asks each provider for what it documents: Lever's audience, no PKCE for Bullhorn", async () => {
    const owner = await createTestUser();
    const lever = await submitAs(
      owner,
      submission({
        integrationType: "lever",
        integrationName: "Lever",
        data: { clientId: "lever-client", clientSecret: "lever-secret-0123456789" },
      }),
    );
    const toLever = new URL((await connect(owner, lever)).headers.get("location")!);
    expect(`${toLever.origin}${toLever.pathname}`).toBe("https://auth.lever.co/authorize");
    expect(toLever.searchParams.get("audience")).toBe("https://api.lever.co/v1/");
    expect(toLever.searchParams.get("scope")).toContain("offline_access");
    expect(toLever.searchParams.get("code_challenge_method")).toBe("S256");
    expect(toLever.searchParams.get("redirect_uri")).toBe(
      "http://localhost:3000/api/integrations/lever/callback",
    );

    const bh = await submitAs(owner, request("bullhorn"));
    const toBullhorn = new URL((await connect(owner, bh)).headers.get("location")!);
    expect(toBullhorn.searchParams.get("client_id")).toBe(bullhorn.client.clientId);
    expect(toBullhorn.searchParams.has("code_challenge")).toBe(false);
    expect(toBullhorn.searchParams.has("scope")).toBe(false);

    // Without the client it registered, there is nothing to connect with.
    const bare = await submitAs(
      owner,
      submission({ integrationType: "jobadder", integrationName: "JobAdder", data: {} }),
    );
    const missing = await connect(owner, bare);
    expect([missing.status, missing.json.code]).toEqual([409, "missing_client"]);
  });

  it("lets only the owner connect, and only OAuth types", async () => {
    const owner = await createTestUser();
    const admin = await createTestUser("admin");
    const stranger = await createTestUser();
    const id = await submitAs(owner, request("jobadder"));
    expect((await connect(admin, id)).status).toBe(403);
    expect((await connect(stranger, id)).status).toBe(404);
    const greenhouse = await submitAs(
      owner,
      submission({
        integrationType: "greenhouse",
        integrationName: "Greenhouse",
        data: { harvestApiKey: "k" },
      }),
    );
    const notOauth = await connect(owner, greenhouse);
    expect(notOauth.status).toBe(409);
    expect(notOauth.json.code).toBe("not_oauth");
    // An OAuth type is tested once connected, never before.
    const untested = await testStored(owner, id);
    expect([untested.status, untested.json.code]).toEqual([409, "not_connected"]);
  });
});

describe("keeping tokens alive", () => {
  it("renews an expiring token once however many checks need it at the same moment", async () => {
    const owner = await createTestUser();
    const id = await submitAs(owner, request("bullhorn"));
    expect((await connectAndApprove(owner, id, bullhorn, "bullhorn")).status).toBe(303);
    await rawQuery(
      "UPDATE integration_tokens SET expires_at = CURRENT_TIMESTAMP(3) WHERE submission_id = ?",
      [id],
    );
    const before = bullhorn.stats.refreshGrants;
    bullhorn.setRefreshDelay(300);

    const { freshTokens, clientOf } = await import("@/lib/integrations/oauth-tokens");
    const { oauthProviders } = await import("@/lib/integrations/oauth-providers");
    const client = clientOf(bullhorn.client as unknown as Record<string, unknown>)!;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => freshTokens("bullhorn", oauthProviders.bullhorn!, client, id)),
    );
    bullhorn.setRefreshDelay(0);

    expect(bullhorn.stats.refreshGrants - before).toBe(1);
    expect(bullhorn.stats.refusedRefreshes).toBe(0);
    const tokens = new Set(results.map((r) => (r.kind === "tokens" ? r.tokens.accessToken : r.kind)));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^at_/);
    expect((await testStored(owner, id)).json.connection.status).toBe("ok");
  });

  it("marks the connection needs_reauth when the provider refuses the refresh", async () => {
    const owner = await createTestUser();
    const provider = await startFakeOAuthProvider(bullhorn.client);
    // Its own fake: revoking everything must not touch the other tests' tokens.
    process.env.INTEGRATION_BULLHORN_TOKEN_URL = `${provider.url}/token`;
    process.env.INTEGRATION_BULLHORN_AUTHORIZE_URL = `${provider.url}/authorize`;
    try {
      const id = await submitAs(owner, request("bullhorn"));
      expect((await connectAndApprove(owner, id, provider, "bullhorn")).status).toBe(303);
      provider.revokeAll();
      await rawQuery(
        "UPDATE integration_tokens SET expires_at = CURRENT_TIMESTAMP(3) WHERE submission_id = ?",
        [id],
      );

      const tested = await testStored(owner, id);
      expect(tested.json.connection).toMatchObject({ status: "needs_reauth" });
      expect(tested.json.connection.message).toContain("connect again");
      expect(JSON.stringify(tested.json)).not.toContain("SECRET-BODY");
      expect((await readOne(owner, id)).integration.connection.status).toBe("needs_reauth");
      expect(await tokenRows(id)).toHaveLength(0);
      const events = await rawQuery(
        "SELECT type FROM integration_events WHERE submission_id = ? AND type = 'refresh_failed'",
        [id],
      );
      expect(events).toHaveLength(1);
    } finally {
      Object.assign(process.env, fakeProviderEnv("bullhorn", bullhorn));
      await provider.close();
    }
  });
});

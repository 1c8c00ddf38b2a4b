import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setUserDisabled } from "@/lib/auth/accounts";
import { keysResponse, newKeyResponse } from "@/lib/auth/key-schemas";
import { call } from "../helpers/call";
import { submission, submitAs } from "../helpers/integrations";
import { rawQuery } from "../helpers/raw-db";
import { createTestUser, sessionCookieOf, type TestUser } from "../helpers/users";

const routes = {
  keys: () => import("@/app/api/keys/route"),
  key: () => import("@/app/api/keys/[id]/route"),
  rotate: () => import("@/app/api/keys/[id]/rotate/route"),
  own: () => import("@/app/api/integrations/route"),
  one: () => import("@/app/api/integrations/[id]/route"),
  all: () => import("@/app/api/integrations/all/route"),
  submit: () => import("@/app/api/integrations/submit/route"),
  sendEmail: () => import("@/app/api/integrations/send-email/route"),
  revoke: () => import("@/app/api/auth/revoke/route"),
};

const bearer = (secret: string) => ({
  authorization: `Bearer ${secret}`,
  "content-type": "application/json",
});

async function createKey(owner: TestUser, body: Record<string, unknown>) {
  const { POST } = await routes.keys();
  return call(POST, "/api/keys", { method: "POST", headers: owner.headers, body });
}

async function newKey(owner: TestUser, scopes: string[], extra: Record<string, unknown> = {}) {
  const response = await createKey(owner, { name: `key ${scopes.join(",")}`, scopes, ...extra });
  expect(response.status).toBe(201);
  return newKeyResponse.parse(response.json);
}

const listOwn = async (secret: string) => {
  const { GET } = await routes.own();
  return call(GET, "/api/integrations", { headers: bearer(secret) });
};

const revoke = async (caller: Record<string, string>, id: number) => {
  const { DELETE } = await routes.key();
  return call(DELETE, `/api/keys/${id}`, { method: "DELETE", headers: caller, params: { id: String(id) } });
};

const rotate = async (caller: Record<string, string>, id: number, body?: unknown) => {
  const { POST } = await routes.rotate();
  return call(POST, `/api/keys/${id}/rotate`, {
    method: "POST",
    headers: caller,
    params: { id: String(id) },
    body,
  });
};

describe("API keys", () => {
  let owner: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    [owner, admin] = [await createTestUser(), await createTestUser("admin")];
  });

  it("are shown once and stored only as a hash with a public prefix", async () => {
    const { key, secret } = await newKey(owner, ["integrations:read"]);
    expect(secret).toMatch(/^ih_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ scopes: ["integrations:read"], lastUsedAt: null, expiresAt: null });
    expect(key.prefix).toBe(`${secret.slice(0, 15)}…`);
    const rows = await rawQuery(
      "select * from api_key_secrets s join api_keys k on k.id = s.key_id where k.id = ?",
      [key.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(15));
    expect(rows[0]!.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    const { GET } = await routes.keys();
    const listed = keysResponse.parse((await call(GET, "/api/keys", { headers: owner.headers })).json);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(15));
    expect(listed.keys.map((k) => k.id)).toContain(key.id);
  });

  it("act as their owner within their scopes, and record their last use", async () => {
    const reader = await newKey(owner, ["integrations:read"]);
    const writer = await newKey(owner, ["integrations:write"]);
    expect((await listOwn(reader.secret)).status).toBe(200);
    const refused = await listOwn(writer.secret);
    expect(refused).toMatchObject({ status: 403, json: { success: false, code: "insufficient_scope" } });

    const { POST: submit } = await routes.submit();
    const denied = await call(submit, "/api/integrations/submit", {
      headers: bearer(reader.secret),
      body: submission(),
    });
    expect(denied).toMatchObject({ status: 403, json: { code: "insufficient_scope" } });
    const created = await call(submit, "/api/integrations/submit", {
      headers: bearer(writer.secret),
      body: submission(),
    });
    expect(created.status).toBe(201);
    const [row] = await rawQuery<{ user_id: number }>(
      "select user_id from integration_submissions where id = ?",
      [created.json.id],
    );
    expect(row!.user_id).toBe(owner.id);

    const { GET } = await routes.keys();
    const listed = keysResponse.parse((await call(GET, "/api/keys", { headers: owner.headers })).json);
    const used = listed.keys.find((k) => k.id === reader.key.id)!;
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedIp).toBe("direct");
  });

  it("reveal and send email only with their own scopes", async () => {
    const id = await submitAs(owner);
    const { GET } = await routes.one();
    const reveal = (secret: string) =>
      call(GET, `/api/integrations/${id}?reveal=true`, {
        headers: bearer(secret),
        params: { id: String(id) },
      });
    const reader = await newKey(owner, ["integrations:read"]);
    const revealer = await newKey(owner, ["integrations:read", "integrations:reveal"]);
    expect(await reveal(reader.secret)).toMatchObject({ status: 403, json: { code: "insufficient_scope" } });
    const revealed = await reveal(revealer.secret);
    expect(revealed.status).toBe(200);
    expect(revealed.json.integration.data.apiKey).toBe("ja_live_0123456789abcdef");

    const { POST } = await routes.sendEmail();
    const body = { integrationData: { integrationName: "JobAdder" }, recipientEmail: admin.email };
    const mail = await call(POST, "/api/integrations/send-email", { headers: bearer(reader.secret), body });
    expect(mail).toMatchObject({ status: 403, json: { code: "insufficient_scope" } });
  });

  it("act as admin only with the admin scope, granted by an admin, while the owner is one", async () => {
    expect(await createKey(owner, { name: "sneaky", scopes: ["admin"] })).toMatchObject({
      status: 403,
      json: { code: "forbidden" },
    });
    const boss = await createTestUser("admin");
    const adminKey = await newKey(boss, ["admin", "integrations:read"]);
    const plainKey = await newKey(boss, ["integrations:read"]);
    const { GET } = await routes.all();
    const listAll = (secret: string) =>
      call(GET, "/api/integrations/all?limit=1", { headers: bearer(secret) });
    expect((await listAll(adminKey.secret)).status).toBe(200);
    expect(await listAll(plainKey.secret)).toMatchObject({
      status: 403,
      json: { code: "insufficient_scope" },
    });
    // Without the admin scope the key is an ordinary user: someone else's submission is not found.
    const othersId = await submitAs(owner);
    const { GET: one } = await routes.one();
    const read = (secret: string) =>
      call(one, `/api/integrations/${othersId}`, {
        headers: bearer(secret),
        params: { id: String(othersId) },
      });
    expect((await read(plainKey.secret)).status).toBe(404);
    expect((await read(adminKey.secret)).status).toBe(200);
    await rawQuery("update users set role = 'user' where id = ?", [boss.id]);
    expect(await listAll(adminKey.secret)).toMatchObject({ status: 403, json: { code: "forbidden" } });
    expect((await read(adminKey.secret)).status).toBe(404);
  });

  it("cannot manage keys or sign anyone out", async () => {
    const key = await newKey(owner, ["integrations:read", "integrations:write"]);
    const { POST, GET } = await routes.keys();
    const asKey = bearer(key.secret);
    const attempts = [
      await call(POST, "/api/keys", {
        headers: asKey,
        body: { name: "child", scopes: ["integrations:read"] },
      }),
      await call(GET, "/api/keys", { headers: asKey }),
      await revoke(asKey, key.key.id),
      await rotate(asKey, key.key.id),
      await call((await routes.revoke()).POST, "/api/auth/revoke", { method: "POST", headers: asKey }),
    ];
    for (const attempt of attempts)
      expect(attempt).toMatchObject({ status: 403, json: { code: "insufficient_scope" } });
    expect((await listOwn(key.secret)).status).toBe(200);
  });

  it("stop working when revoked, expired, or their owner is disabled", async () => {
    const revoked = await newKey(owner, ["integrations:read"]);
    expect((await revoke(owner.headers, revoked.key.id)).status).toBe(200);
    expect(await listOwn(revoked.secret)).toMatchObject({ status: 401, json: { code: "unauthorized" } });
    expect((await revoke(owner.headers, revoked.key.id)).status).toBe(404);

    const expiring = await newKey(owner, ["integrations:read"], {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await listOwn(expiring.secret)).status).toBe(200);
    await rawQuery("update api_keys set expires_at = now(3) - interval 1 second where id = ?", [
      expiring.key.id,
    ]);
    expect((await listOwn(expiring.secret)).status).toBe(401);

    const person = await createTestUser();
    const theirs = await newKey(person, ["integrations:read"]);
    expect((await listOwn(theirs.secret)).status).toBe(200);
    await setUserDisabled(person.email, true);
    expect((await listOwn(theirs.secret)).status).toBe(401);
    await setUserDisabled(person.email, false);
    // Keys are revoked one by one, not by disabling: enabled again, the owner's key works.
    expect((await listOwn(theirs.secret)).status).toBe(200);
  });

  it("refuse anything that is not exactly a live secret", async () => {
    const { secret } = await newKey(owner, ["integrations:read"]);
    const flipped = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    for (const attempt of [
      flipped,
      secret.slice(0, 20),
      `${secret}x`,
      "ih_",
      secret.slice(0, 15) + "x".repeat(31),
    ]) {
      expect((await listOwn(attempt)).status).toBe(401);
    }
  });

  it("are someone else's business only for an admin", async () => {
    const stranger = await createTestUser();
    const key = await newKey(owner, ["integrations:read"]);
    expect((await revoke(stranger.headers, key.key.id)).status).toBe(404);
    expect((await rotate(stranger.headers, key.key.id)).status).toBe(404);
    const { GET } = await routes.keys();
    expect(await call(GET, "/api/keys?all=true", { headers: stranger.headers })).toMatchObject({
      status: 403,
    });
    const everyone = keysResponse.parse(
      (await call(GET, "/api/keys?all=true", { headers: admin.headers })).json,
    );
    expect(everyone.keys.find((k) => k.id === key.key.id)).toMatchObject({ userEmail: owner.email });
    expect((await revoke(admin.headers, key.key.id)).status).toBe(200);
    expect((await listOwn(key.secret)).status).toBe(401);
  });

  it("rotate: a new secret, the old one kept for the grace period asked for", async () => {
    const key = await newKey(owner, ["integrations:read"]);
    const rotated = await rotate(owner.headers, key.key.id, { graceSeconds: 600 });
    expect(rotated.status).toBe(201);
    const next = newKeyResponse.parse(rotated.json);
    expect(next.secret).not.toBe(key.secret);
    expect(next.key.prefix).toBe(`${next.secret.slice(0, 15)}…`);
    expect((await listOwn(key.secret)).status).toBe(200);
    expect((await listOwn(next.secret)).status).toBe(200);
    await rawQuery("update api_key_secrets set expires_at = now(3) - interval 1 second where prefix = ?", [
      key.secret.slice(0, 15),
    ]);
    expect((await listOwn(key.secret)).status).toBe(401);

    // No body: grace 0, the secret being replaced stops at once.
    const third = newKeyResponse.parse((await rotate(owner.headers, key.key.id)).json);
    expect((await listOwn(next.secret)).status).toBe(401);
    expect((await listOwn(third.secret)).status).toBe(200);
    expect((await rotate(owner.headers, key.key.id, { graceSeconds: 86_401 })).status).toBe(400);
  });

  it("refuse bad requests with a clear error and create nothing", async () => {
    const cookie = await sessionCookieOf(owner.id);
    const before = await rawQuery<{ n: number }>("select count(*) n from api_keys where user_id = ?", [
      owner.id,
    ]);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "x", scopes: ["integrations:delete"] }, "scopes.0"],
      [{ name: "x", scopes: [] }, "scopes"],
      [{ name: " ", scopes: ["integrations:read"] }, "name"],
      [{ name: "x", scopes: ["integrations:read"], expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
      [{ name: "x", scopes: ["integrations:read"], expiresAt: "tomorrow" }, "expiresAt"],
    ];
    for (const [body, field] of cases) {
      const response = await createKey(owner, body);
      expect(response.status).toBe(400);
      expect(response.json.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const after = await rawQuery<{ n: number }>("select count(*) n from api_keys where user_id = ?", [
      owner.id,
    ]);
    expect(after[0]!.n).toBe(before[0]!.n);
    // A session may create keys, but only from the app's own pages.
    const { POST } = await routes.keys();
    const foreign = await call(POST, "/api/keys", {
      headers: { cookie, "content-type": "application/json", origin: "https://evil.example" },
      body: { name: "x", scopes: ["integrations:read"] },
    });
    expect(foreign.status).toBe(403);
  });
});

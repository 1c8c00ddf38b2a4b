import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, sessionCookieOf, type TestUser } from "@/tests/helpers/users";
import { submitAs, updateAs } from "@/tests/helpers/integrations";
import { eventsResponse, oneResponse } from "@/lib/integrations/api-responses";

const routes = async () => ({
  one: (await import("@/app/api/integrations/[id]/route")).GET,
  events: (await import("@/app/api/integrations/[id]/events/route")).GET,
});

const getOne = async (
  user: TestUser,
  id: number | string,
  query = "",
  headers: Record<string, string> = {},
) =>
  call((await routes()).one, `/api/integrations/${id}${query}`, {
    headers: { ...user.headers, ...headers },
    params: { id: String(id) },
  });

/** GET one with exactly these headers (a session cookie instead of a token, say). */
const getOneWith = async (headers: Record<string, string>, id: number, query = "?reveal=true") =>
  call((await routes()).one, `/api/integrations/${id}${query}`, { headers, params: { id: String(id) } });

const events = async (user: TestUser, id: number) =>
  call((await routes()).events, `/api/integrations/${id}/events`, {
    headers: user.headers,
    params: { id: String(id) },
  });

const SECRET = "ja_live_0123456789abcdef";

describe("GET /api/integrations/[id]", () => {
  it("returns the owner's integration masked, with an ETag, and 304 for a matching If-None-Match", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, {
      data: { apiKey: SECRET, companyId: "123", pin: "1234", nested: { clientSecret: "abcdefghij" } },
    });
    const response = await getOne(user, id);
    expect(response.status).toBe(200);
    const { integration } = oneResponse.parse(response.json);
    expect(integration).toMatchObject({ id, userId: user.id, userEmail: user.email, savedToServer: true });
    expect(integration.data).toEqual({
      apiKey: "••••cdef",
      companyId: "123",
      pin: "1234",
      nested: { clientSecret: "••••ghij" },
    });
    expect(integration.submittedAt).toMatch(/Z$/);
    expect(response.headers.get("etag")).toBe('"1"');
    const cached = await getOne(user, id, "", { "if-none-match": '"7", W/"1"' });
    expect(cached.status).toBe(304);
    expect((await getOne(user, id, "", { "if-none-match": '"2"' })).status).toBe(200);
  });

  it("reveals plaintext to the owner and an admin with ?reveal=true, recording each reveal", async () => {
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const id = await submitAs(user, { data: { apiKey: SECRET } });
    expect((await getOne(user, id, "?reveal=true")).json.integration.data).toEqual({ apiKey: SECRET });
    expect((await getOne(admin, id, "?reveal=true")).json.integration.data).toEqual({ apiKey: SECRET });
    const { json } = await events(admin, id);
    const reveals = json.events.filter((e: { type: string }) => e.type === "revealed");
    expect(reveals.map((e: { actor: { id: number } }) => e.actor.id)).toEqual([user.id, admin.id]);
    expect(JSON.stringify(json)).not.toContain(SECRET);
    // The owner learns that the team looked, not who.
    const own = (await events(user, id)).json.events.filter((e: { type: string }) => e.type === "revealed");
    expect(own.map((e: { actor: { id: number | null } }) => e.actor.id)).toEqual([user.id, null]);
  });

  it("reveals to a session cookie only for the app's own pages, so a cross-site link records nothing", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, { data: { apiKey: SECRET } });
    const cookie = await sessionCookieOf(user.id);
    const viaCookie = (site?: string) =>
      getOneWith({ cookie, ...(site ? { "sec-fetch-site": site } : {}) }, id);
    for (const site of ["cross-site", "same-site", "none", undefined]) {
      const refused = await viaCookie(site);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.json)).not.toContain(SECRET);
    }
    expect(
      await rawQuery("SELECT id FROM integration_events WHERE submission_id = ? AND type = 'revealed'", [id]),
    ).toEqual([]);
    const own = await viaCookie("same-origin");
    expect(own.json.integration.data).toEqual({ apiKey: SECRET });
    // Over plain http browsers send no Sec-Fetch-Site; the app's pages say so with a header.
    const marked = await getOneWith({ cookie, "x-requested-with": "fetch" }, id);
    expect(marked.status).toBe(200);
    // Masked reads need nothing of the kind.
    expect((await getOneWith({ cookie, "sec-fetch-site": "cross-site" }, id, "")).status).toBe(200);
  });

  it("returns 404 for another user's integration, an unknown id and a non-numeric id", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const id = await submitAs(owner);
    for (const response of [
      await getOne(other, id),
      await getOne(other, id, "?reveal=true"),
      await getOne(owner, 999_999_999),
      await getOne(owner, "abc"),
    ]) {
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ success: false, error: "Integration not found", code: "not_found" });
    }
    expect(
      await rawQuery("SELECT id FROM integration_events WHERE submission_id = ? AND type = 'revealed'", [id]),
    ).toEqual([]);
  });

  it("answers a bare 500 when stored data cannot be decrypted, revealing nothing", async () => {
    const user = await createTestUser();
    const id = await submitAs(user);
    const [{ data }] = (await rawQuery<{ data: string }>(
      "SELECT data FROM integration_submissions WHERE id = ?",
      [id],
    )) as [{ data: string }];
    await rawQuery("UPDATE integration_submissions SET data = 'gone:AAAA:BBBB:CCCC' WHERE id = ?", [id]);
    const response = await getOne(user, id, "?reveal=true");
    // Restored at once: other files read every row of the shared database (the export, admin lists).
    await rawQuery("UPDATE integration_submissions SET data = ? WHERE id = ?", [data, id]);
    expect(response.status).toBe(500);
    expect(response.json).toEqual({ success: false, error: "Internal error", code: "internal" });
    expect(
      await rawQuery("SELECT id FROM integration_events WHERE submission_id = ? AND type = 'revealed'", [id]),
    ).toEqual([]);
  });

  it("answers 400 for a bad reveal value and 401 without a token", async () => {
    const user = await createTestUser();
    const id = await submitAs(user);
    expect((await getOne(user, id, "?reveal=yes")).status).toBe(400);
    const anonymous = await call((await routes()).one, `/api/integrations/${id}`, {
      params: { id: String(id) },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("PUT /api/integrations/[id]/update", () => {
  it("replaces data, keeps secrets sent back masked, bumps the version and records changed fields only", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, { data: { apiKey: SECRET, companyId: "123", jobId: "456" } });
    const masked = (await getOne(user, id)).json.integration.data;
    const response = await updateAs(
      user,
      id,
      { data: { ...masked, companyId: "999" } },
      { "if-match": '"1"' },
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ success: true, message: "Integration updated successfully" });
    const after = await getOne(user, id, "?reveal=true");
    expect(after.json.integration.data).toEqual({ apiKey: SECRET, companyId: "999", jobId: "456" });
    expect(after.headers.get("etag")).toBe('"2"');
    // The answer carries the new ETag already, so the next conditional update needs no read.
    expect(response.headers.get("etag")).toBe('"2"');
    const { json } = await events(user, id);
    const updated = json.events.find((e: { type: string }) => e.type === "updated");
    expect(updated.details).toEqual({ fields: ["companyId"] });
  });

  it("drops keys left out of data and stores a new secret when one is sent", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, { data: { apiKey: SECRET, companyId: "123" } });
    await updateAs(user, id, { data: { apiKey: "brand-new-secret-key" } });
    expect((await getOne(user, id, "?reveal=true")).json.integration.data).toEqual({
      apiKey: "brand-new-secret-key",
    });
  });

  it("changes status, records from/to, and lets an admin do it", async () => {
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const id = await submitAs(user, { status: "pending" });
    expect((await updateAs(admin, id, { status: "completed" })).status).toBe(200);
    const { json } = await events(admin, id);
    const acted = eventsResponse.parse(json).events.filter((e) => e.actor.id !== null);
    expect(acted.map((e) => [e.type, e.details, e.actor.id])).toEqual([
      ["created", { to: "pending" }, user.id],
      ["status_changed", { from: "pending", to: "completed" }, admin.id],
    ]);
    // The owner's email about it is queued in the same transaction, by the system.
    expect(json.events.at(-1)).toMatchObject({
      type: "email_queued",
      actor: { id: null, email: null },
      details: { template: "integration_status_changed", recipient: user.email },
    });
    // The admins' notification is in their view only.
    expect(
      json.events.some(
        (e: { details: { recipient?: string } }) => e.details.recipient === "admin@example.com",
      ),
    ).toBe(true);

    // The owner sees their own actions, the team's without the address of who acted, and only
    // the emails sent to them.
    const owner = eventsResponse.parse((await events(user, id)).json).events;
    expect(owner.map((e) => [e.type, e.actor.id, e.actor.email])).toEqual([
      ["created", user.id, user.email],
      ["status_changed", null, null],
      ["email_queued", null, null],
    ]);
    expect(owner.at(-1)!.details).toMatchObject({ recipient: user.email });
    expect(JSON.stringify(owner)).not.toContain(admin.email);
    const [row] = await rawQuery<{ status: string; version: number }>(
      "SELECT status, version FROM integration_submissions WHERE id = ?",
      [id],
    );
    expect(row).toEqual({ status: "completed", version: 2 });
  });

  it("takes If-Match as a list, weak, *, or a bare version, and answers an unchanged update with the same ETag", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, { status: "pending" });
    for (const [ifMatch, etag] of [
      ['"9", "1"', '"2"'],
      ['W/"2"', '"3"'],
      ["*", '"4"'],
      ["4", '"5"'],
    ] as const) {
      const statusNow = (await getOne(user, id)).json.integration.status;
      const response = await updateAs(
        user,
        id,
        { status: statusNow === "failed" ? "pending" : "failed" },
        { "if-match": ifMatch },
      );
      expect(response.status, ifMatch).toBe(200);
      expect(response.headers.get("etag"), ifMatch).toBe(etag);
    }
    const current = (await getOne(user, id)).json.integration;
    const same = await updateAs(user, id, { status: current.status }, { "if-match": "5" });
    expect(same.status).toBe(200);
    expect(same.headers.get("etag")).toBe('"5"');
    expect((await updateAs(user, id, { status: "completed" }, { "if-match": "4" })).status).toBe(409);
    // The contract's other form: the updatedAt a list item or GET shows, quoted or bare.
    const byTime = await updateAs(
      user,
      id,
      { status: "completed" },
      { "if-match": `"${current.updatedAt}"` },
    );
    expect(byTime.status).toBe(200);
    expect(
      (await updateAs(user, id, { status: "pending" }, { "if-match": "2020-01-01T00:00:00.000Z" })).status,
    ).toBe(409);
  });

  it("carries an admin's note with a status change to the owner's history and email, and refuses a note without one", async () => {
    const owner = await createTestUser();
    const admin = await createTestUser("admin");
    const id = await submitAs(owner, { status: "pending" });
    const note = "The API key was revoked; please create a new one.";
    expect((await updateAs(admin, id, { status: "failed", note })).status).toBe(200);

    const seen = eventsResponse
      .parse((await events(owner, id)).json)
      .events.find((e) => e.type === "status_changed");
    expect(seen?.details).toEqual({ from: "pending", to: "failed", note });
    const [mail] = await rawQuery<{ props: { note?: string } }>(
      "SELECT props FROM email_outbox WHERE submission_id = ? AND template = 'integration_status_changed'",
      [id],
    );
    expect(mail!.props.note).toBe(note);

    const versionBefore = (await getOne(owner, id)).headers.get("etag");
    for (const [body, message] of [
      [{ note: "alone" }, "goes with a status change"],
      [
        { status: "failed", note: "same status" },
        "goes with a status change, and the status is already failed",
      ],
      [{ status: "pending", note: "x".repeat(1001) }, undefined],
    ] as const) {
      const response = await updateAs(admin, id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const detail = response.json.details.find((d: { field: string }) => d.field === "note");
      expect(detail, JSON.stringify(body)).toBeDefined();
      if (message) expect(detail.message).toBe(message);
    }
    expect((await getOne(owner, id)).headers.get("etag")).toBe(versionBefore);
  });

  it("tells the admins when an owner sends a corrected failed request back, and only then", async () => {
    const owner = await createTestUser();
    const admin = await createTestUser("admin");
    const subjects = async (id: number) =>
      (
        await rawQuery<{ subject: string }>(
          "SELECT subject FROM email_outbox WHERE submission_id = ? AND template = 'integration_request' ORDER BY id",
          [id],
        )
      ).map((row) => row.subject);
    const id = await submitAs(owner, { status: "failed", integrationName: "Lever" });
    expect(await subjects(id)).toEqual(["New integration request: Lever"]);

    const response = await updateAs(owner, id, {
      data: { apiKey: "a-corrected-key-0123" },
      status: "pending",
    });
    expect(response.status).toBe(200);
    expect(await subjects(id)).toEqual([
      "New integration request: Lever",
      "Corrected integration request: Lever",
    ]);
    const queued = (await events(admin, id)).json.events.filter(
      (e: { type: string; details: { template?: string } }) =>
        e.type === "email_queued" && e.details.template === "integration_request",
    );
    expect(queued).toHaveLength(2);

    // An admin moving it back is their own doing, and an owner's other changes are not a resubmission.
    await updateAs(admin, id, { status: "failed" });
    await updateAs(admin, id, { status: "pending" });
    await updateAs(owner, id, { status: "in_progress" });
    await updateAs(owner, id, { data: { apiKey: "another-key-0123456" } });
    expect(await subjects(id)).toHaveLength(2);
  });

  it("answers 409 for a stale If-Match and writes nothing", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, { status: "pending" });
    await updateAs(user, id, { status: "in_progress" }, { "if-match": '"1"' });
    const stale = await updateAs(user, id, { status: "failed", data: { x: 1 } }, { "if-match": '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ success: false, code: "stale_version" });
    const [row] = await rawQuery("SELECT status, version FROM integration_submissions WHERE id = ?", [id]);
    expect(row).toEqual({ status: "in_progress", version: 2 });
    const types = (await events(user, id)).json.events.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === "status_changed")).toHaveLength(1);
    expect(types.filter((t: string) => t === "updated")).toHaveLength(0);
  });

  it("answers 404 to anyone but the owner or an admin, and changes nothing", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const id = await submitAs(owner, { status: "pending" });
    const response = await updateAs(other, id, { status: "failed" });
    expect(response.status).toBe(404);
    const [row] = await rawQuery("SELECT status, version FROM integration_submissions WHERE id = ?", [id]);
    expect(row).toEqual({ status: "pending", version: 1 });
  });

  it("refuses an update naming another owner, 400 on that field and nothing written; naming the owner is fine", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const admin = await createTestUser("admin");
    const id = await submitAs(owner, { status: "pending" });
    for (const [caller, body, field] of [
      [owner, { userId: other.id, data: { apiKey: "moved" } }, "userId"],
      [owner, { userId: other.email, status: "failed" }, "userId"],
      [admin, { userEmail: other.email, status: "failed" }, "userEmail"],
    ] as const) {
      const response = await updateAs(caller, id, body);
      expect(response.status).toBe(400);
      expect(response.json.details).toEqual([
        { field, message: "is the submission's owner and cannot be changed" },
      ]);
    }
    const [row] = await rawQuery(
      "SELECT user_id AS userId, status, version FROM integration_submissions WHERE id = ?",
      [id],
    );
    expect(row).toEqual({ userId: owner.id, status: "pending", version: 1 });
    expect(
      (await updateAs(owner, id, { userId: owner.id, userEmail: owner.email, status: "failed" })).status,
    ).toBe(200);
  });

  it("answers 400 for an empty body, bad status or bad data, 415 and 400 for bad JSON", async () => {
    const user = await createTestUser();
    const id = await submitAs(user);
    for (const body of [{}, { status: "nope" }, { data: [1] }, { id: 3, status: "failed" }]) {
      const response = await updateAs(user, id, body);
      expect(response.status).toBe(400);
      expect(response.json.details.length).toBeGreaterThan(0);
    }
    expect((await updateAs(user, id, "{", {})).status).toBe(400);
    expect((await updateAs(user, id, { status: "failed" }, { "content-type": "text/plain" })).status).toBe(
      415,
    );
    const [row] = await rawQuery("SELECT version FROM integration_submissions WHERE id = ?", [id]);
    expect(row).toEqual({ version: 1 });
  });
});

describe("GET /api/integrations/[id]/events", () => {
  it("answers 404 for another user's integration", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const id = await submitAs(owner);
    expect((await events(other, id)).status).toBe(404);
  });
});

// Property tests: whatever a client throws at the API, the answer is never a 5xx, and a request
// that fails changes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser, type TestUser } from "@/tests/helpers/users";
import { submission, submitAs, submitRoute } from "@/tests/helpers/integrations";

let user: TestUser;
let admin: TestUser;
let id: number;

beforeAll(async () => {
  user = await createTestUser();
  admin = await createTestUser("admin");
  id = await submitAs(user, { status: "pending" });
  for (let i = 0; i < 5; i++) await submitAs(user);
});

const RUNS = { numRuns: 100 };

const snapshot = async () =>
  JSON.stringify(
    await rawQuery(
      "SELECT (SELECT COUNT(*) FROM integration_submissions) AS submissions, (SELECT COUNT(*) FROM integration_events) AS events, (SELECT SUM(version) FROM integration_submissions) AS versions",
    ),
  );

const deep = fc
  .integer({ min: 1, max: 5_000 })
  .map((depth) => `{"data":${"[".repeat(depth)}${"]".repeat(depth)}}`);
const hugeString = fc
  .integer({ min: 1, max: 80_000 })
  .map((n) => JSON.stringify(submission({ integrationName: "x".repeat(n) })));
const validish = fc
  .record(
    {
      integrationType: fc.oneof(fc.string(), fc.constantFrom("jobadder", "a".repeat(65)), fc.integer()),
      integrationName: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)),
      data: fc.oneof(fc.object({ maxDepth: 7 }), fc.jsonValue(), fc.dictionary(fc.string(), fc.string())),
      status: fc.oneof(fc.constantFrom("pending", "completed", "PENDING", ""), fc.anything()),
      callbackUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant("javascript:alert(1)")),
      source: fc.string({ maxLength: 100 }),
      userId: fc.oneof(fc.string(), fc.integer(), fc.constant("someone-else@example.test")),
      userEmail: fc.oneof(fc.emailAddress(), fc.string()),
      id: fc.integer(),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));
const anyBody = fc.oneof(
  validish,
  fc.json(),
  fc.string(),
  deep,
  hugeString,
  fc.anything().map((v) => JSON.stringify(v) ?? ""),
);

describe("never a 5xx, and an error changes nothing", () => {
  it("POST /api/integrations/submit", async () => {
    const handler = await submitRoute();
    await fc.assert(
      fc.asyncProperty(anyBody, fc.option(fc.string({ maxLength: 300 })), async (body, key) => {
        const before = await snapshot();
        const headers = key === null ? user.headers : { ...user.headers, "idempotency-key": key };
        const response = await call(handler, "/api/integrations/submit", { method: "POST", headers, body });
        expect(response.status).toBeLessThan(500);
        expect(response.json.success).toBe(response.status < 400);
        if (response.status >= 400) expect(await snapshot()).toBe(before);
      }),
      RUNS,
    );
  });

  it("PUT /api/integrations/[id]/update", async () => {
    const { PUT } = await import("@/app/api/integrations/[id]/update/route");
    const body = fc.oneof(
      anyBody,
      fc
        .record({ data: fc.object({ maxDepth: 6 }), status: fc.string() }, { requiredKeys: [] })
        .map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(String(id), "0", "-1", "abc", "9".repeat(30)),
        fc.option(fc.string()),
        async (text, target, ifMatch) => {
          const before = await snapshot();
          const headers = ifMatch === null ? user.headers : { ...user.headers, "if-match": ifMatch };
          const response = await call(PUT, `/api/integrations/${encodeURIComponent(target)}/update`, {
            method: "PUT",
            headers,
            body: text,
            params: { id: target },
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(await snapshot()).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it("GET /api/integrations/all and /api/integrations with random query strings and tampered cursors", async () => {
    const listAll = (await import("@/app/api/integrations/all/route")).GET;
    const listMine = (await import("@/app/api/integrations/route")).GET;
    const first = await call(listAll, "/api/integrations/all?limit=2", { headers: admin.headers });
    const cursor: string = first.json.nextCursor;
    const tampered = fc
      .tuple(fc.nat({ max: cursor.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([at, text]) => cursor.slice(0, at) + text + cursor.slice(at + 1));
    const query = fc.record(
      {
        limit: fc.oneof(fc.string(), fc.integer({ min: -5, max: 5000 }).map(String)),
        sort: fc.oneof(fc.string(), fc.constantFrom("status", "-updatedAt", "--status", "id")),
        cursor: fc.oneof(fc.string(), tampered, fc.base64String()),
        status: fc.oneof(fc.string(), fc.constantFrom("pending,failed", ",,", "pending")),
        type: fc.string(),
        q: fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constantFrom("%", "_", "\\", "'; DROP TABLE users; --"),
        ),
        userId: fc.string(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (params, asAdmin) => {
        const search = new URLSearchParams(params).toString();
        const response = asAdmin
          ? await call(listAll, `/api/integrations/all?${search}`, { headers: admin.headers })
          : await call(listMine, `/api/integrations?${search}`, { headers: user.headers });
        expect(response.status).toBeLessThan(500);
        // An empty cursor means "from the start"; any other cursor but the real one is refused.
        if (params.cursor && params.cursor !== cursor) expect(response.status).toBe(400);
      }),
      RUNS,
    );
  });

  it("GET /api/integrations/[id] and its events with random ids and reveal values", async () => {
    const one = (await import("@/app/api/integrations/[id]/route")).GET;
    const events = (await import("@/app/api/integrations/[id]/events/route")).GET;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constant(String(id))),
        fc.string(),
        async (target, reveal) => {
          const before = await snapshot();
          const path = `/api/integrations/${encodeURIComponent(target)}`;
          const a = await call(one, `${path}?reveal=${encodeURIComponent(reveal)}`, {
            headers: user.headers,
            params: { id: target },
          });
          const b = await call(events, `${path}/events`, { headers: user.headers, params: { id: target } });
          expect(a.status).toBeLessThan(500);
          expect(b.status).toBeLessThan(500);
          if (a.status >= 400) expect(await snapshot()).toBe(before);
        },
      ),
      RUNS,
    );
  });

  it("POST /api/integrations/send-email", async () => {
    const { POST } = await import("@/app/api/integrations/send-email/route");
    const body = fc.oneof(
      anyBody,
      fc
        .record(
          {
            integrationData: fc.oneof(fc.object({ maxDepth: 7 }), fc.anything()),
            recipientEmail: fc.oneof(fc.emailAddress(), fc.string(), fc.constant("admin@example.com")),
            subject: fc.oneof(fc.string({ maxLength: 300 }), fc.constant("a\r\nb")),
            template: fc.oneof(
              fc.constantFrom("integration_request", "integration_status_changed"),
              fc.string(),
            ),
          },
          { requiredKeys: [] },
        )
        .map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await call(POST, "/api/integrations/send-email", {
          method: "POST",
          headers: user.headers,
          body: text,
        });
        expect(response.status).toBeLessThan(500);
      }),
      RUNS,
    );
  });
});

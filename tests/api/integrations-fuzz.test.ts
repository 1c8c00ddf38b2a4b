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

// What this file's users own, so that other test files writing to the shared database at the
// same time cannot make a snapshot differ.
const snapshot = async () =>
  JSON.stringify(
    await rawQuery(
      `SELECT COUNT(*) AS submissions, SUM(s.version) AS versions,
              (SELECT COUNT(*) FROM integration_events e JOIN integration_submissions o ON o.id = e.submission_id
               WHERE o.user_id IN (?, ?)) AS events
       FROM integration_submissions s WHERE s.user_id IN (?, ?)`,
      [user.id, admin.id, user.id, admin.id],
    ),
  );

/** Mostly a value the API accepts, sometimes anything: with random text in every field, the
 * first field refuses the request and nothing behind it is ever reached. */
const mostly = <A, B>(valid: fc.Arbitrary<A>, other: fc.Arbitrary<B>): fc.Arbitrary<A | B> =>
  fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: other });

/** The list filters shared by the lists, the export and bulk status (userId differs per caller). */
const filterFields = {
  status: mostly(
    fc.constantFrom("pending", "pending,failed", "completed,in_progress"),
    fc.oneof(fc.string(), fc.constantFrom(",,", "done", "pending,")),
  ),
  type: mostly(fc.constantFrom("jobadder", "greenhouse"), fc.string()),
  q: mostly(
    fc.constantFrom("%", "_", "\\", "'; DROP TABLE users; --", "JobAdder", "!", "example", " "),
    fc.string({ maxLength: 300 }),
  ),
  from: mostly(
    fc.constantFrom("2024-01-01", "1970-01-01"),
    fc.oneof(fc.string(), fc.constantFrom("2024-02-30", "2024-13-01")),
  ),
  to: mostly(fc.constantFrom("2099-12-31", "2024-01-01"), fc.oneof(fc.string(), fc.constant("0000-00-00"))),
  sort: mostly(
    fc.constantFrom("status", "-updatedAt", "integrationName", "-userEmail", "submittedAt"),
    fc.oneof(fc.string(), fc.constantFrom("--status", "id")),
  ),
};

const deep = fc
  .integer({ min: 1, max: 5_000 })
  .map((depth) => `{"data":${"[".repeat(depth)}${"]".repeat(depth)}}`);
const hugeString = fc
  .integer({ min: 1, max: 80_000 })
  .map((n) => JSON.stringify(submission({ integrationName: "x".repeat(n) })));
const validish = fc
  .record(
    {
      integrationType: mostly(
        fc.constantFrom("jobadder", "greenhouse", "my-custom-ats"),
        fc.oneof(fc.string(), fc.constant("a".repeat(65)), fc.integer()),
      ),
      integrationName: mostly(
        fc.string({ minLength: 1, maxLength: 255 }),
        // "binary" includes half surrogate pairs, which JSON can spell but Unicode cannot.
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: "binary", maxLength: 20 }),
          fc.constant(null),
        ),
      ),
      data: mostly(
        fc.oneof(fc.object({ maxDepth: 7 }), fc.dictionary(fc.string(), fc.string())),
        fc.jsonValue(),
      ),
      status: mostly(
        fc.constantFrom("pending", "completed", "in_progress"),
        fc.oneof(fc.constantFrom("PENDING", ""), fc.anything()),
      ),
      callbackUrl: mostly(
        fc.webUrl({ validSchemes: ["https"] }),
        fc.oneof(fc.webUrl(), fc.string(), fc.constant("javascript:alert(1)")),
      ),
      source: mostly(fc.string({ maxLength: 64 }), fc.string({ minLength: 65, maxLength: 100 })),
      // Fields only some callers may send, or nobody: present in about one body in three.
      restricted: fc.option(
        fc.record(
          {
            userId: fc.oneof(fc.string(), fc.integer(), fc.constant("someone-else@example.test")),
            userEmail: fc.oneof(fc.emailAddress(), fc.string()),
            id: fc.integer(),
          },
          { requiredKeys: [] },
        ),
        { freq: 3 },
      ),
    },
    { requiredKeys: ["integrationType", "integrationName", "data"] },
  )
  .map(({ restricted, ...body }) => JSON.stringify({ ...body, ...restricted }));
const anyBody = fc.oneof(
  { weight: 5, arbitrary: validish },
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
        .record(
          {
            data: fc.object({ maxDepth: 6 }),
            status: mostly(fc.constantFrom("pending", "failed"), fc.string()),
          },
          { requiredKeys: [] },
        )
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
        ...filterFields,
        limit: mostly(
          fc.integer({ min: 1, max: 1000 }).map(String),
          fc.oneof(fc.string(), fc.integer({ min: -5, max: 5000 }).map(String)),
        ),
        cursor: fc.oneof(fc.constant(cursor), tampered, fc.string(), fc.base64String()),
        userId: mostly(fc.constantFrom(String(user.id), user.email, "nobody@example.com", "0"), fc.string()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), fc.boolean(), async (params, withCursor, asAdmin) => {
        if (!withCursor) delete params.cursor;
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
            integrationData: mostly(fc.object({ maxDepth: 7 }), fc.anything()),
            recipientEmail: mostly(
              fc.constantFrom("admin@example.com", "ops@example.test"),
              fc.oneof(fc.emailAddress(), fc.string()),
            ),
            subject: mostly(
              fc.string({ minLength: 1, maxLength: 200 }),
              fc.oneof(fc.string({ maxLength: 300 }), fc.constant("a\r\nb")),
            ),
            template: mostly(
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
        const before = await lastOutboxId();
        const response = await call(POST, "/api/integrations/send-email", {
          method: "POST",
          headers: user.headers,
          body: text,
        });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(await outboxRowsFor(text, before)).toBe(0);
      }),
      RUNS,
    );
  });

  it("POST /api/integrations/bulk-status", async () => {
    const { POST } = await import("@/app/api/integrations/bulk-status/route");
    // Every filter that could be valid names this file's user: a bulk change must never reach
    // the rows of test files running alongside (a body without a filter means "everything").
    const filter = fc
      .record(filterFields, { requiredKeys: [] })
      .map((f) => ({ ...f, userId: String(user.id) }));
    const body = fc.oneof(fc.string(), deep, {
      weight: 4,
      arbitrary: fc
        .record({
          status: mostly(
            fc.constantFrom("pending", "in_progress", "completed", "failed"),
            fc.oneof(fc.constantFrom("done", ""), fc.anything()),
          ),
          filter: mostly(
            filter,
            fc.oneof(
              fc.constant(null),
              fc.string().map((text) => ({ userId: text })),
            ),
          ),
        })
        .map((b) => JSON.stringify(b)),
    });
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = await snapshot();
        const response = await call(POST, "/api/integrations/bulk-status", {
          method: "POST",
          headers: admin.headers,
          body: text,
        });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toBe(before);
      }),
      RUNS,
    );
  });

  it("GET /api/integrations/export with random query strings", async () => {
    const { GET } = await import("@/app/api/integrations/export/route");
    const query = fc.record(
      {
        ...filterFields,
        userId: mostly(
          fc.constantFrom(String(user.id), user.email),
          fc.oneof(fc.string(), fc.constant("9".repeat(20))),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        // call() reads the whole body, so a stream that fails half-way fails the property too.
        const response = await call(GET, `/api/integrations/export?${new URLSearchParams(params)}`, {
          headers: admin.headers,
        });
        expect(response.status).toBeLessThan(500);
      }),
      RUNS,
    );
  });

  it("POST /api/admin/emails/[id]/retry with random ids", async () => {
    const { POST } = await import("@/app/api/admin/emails/[id]/retry/route");
    // No id of a real email: requeueing one would disturb the test files running alongside.
    const target = fc.oneof(
      fc.string().filter((text) => !/^\d{1,9}$/.test(text)),
      fc.integer({ min: 2 ** 40, max: Number.MAX_SAFE_INTEGER }).map(String),
      fc.constantFrom("0", "-1", "1e3", "9".repeat(30), "0x10", " 1"),
    );
    await fc.assert(
      fc.asyncProperty(target, fc.boolean(), async (id, asAdmin) => {
        const response = await call(POST, `/api/admin/emails/${encodeURIComponent(id)}/retry`, {
          method: "POST",
          headers: asAdmin ? admin.headers : user.headers,
          params: { id },
        });
        expect(response.status).toBeLessThan(500);
        if (!asAdmin) expect(response.status).toBe(403);
      }),
      RUNS,
    );
  });
});

const lastOutboxId = async () =>
  Number(
    (
      (await rawQuery<{ n: number | null }>("SELECT MAX(id) AS n FROM email_outbox")) as [
        { n: number | null },
      ]
    )[0].n ?? 0,
  );

/** Emails queued since `after` for the recipient the body names (0 when it names none). */
async function outboxRowsFor(text: string, after: number): Promise<number> {
  let recipient: unknown;
  try {
    recipient = JSON.parse(text)?.recipientEmail;
  } catch {
    return 0;
  }
  if (typeof recipient !== "string") return 0;
  const [row] = (await rawQuery<{ n: number }>(
    "SELECT COUNT(*) AS n FROM email_outbox WHERE id > ? AND recipient = ?",
    [after, recipient],
  )) as [{ n: number }];
  return Number(row.n);
}

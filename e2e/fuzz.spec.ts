// The fuzz pass of #14 against the production server: every page and every /api route (found
// on disk), with malformed encodings in path segments, query values and JSON bodies, anonymous,
// as a user and as an admin. Nothing may answer 5xx, and every /api error must be the
// contract's JSON. Each test lists every offender, not only the first.
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { apiRoutes, malformedUrls, pages, type RealSegments } from "./helpers/app-routes";
import { BROKEN_BODIES, malformedBodies } from "./helpers/malformed";
import { bearerToken, ownAddress, send, sessionCookie, type Answer } from "./helpers/raw-http";

// The query parameters each page reads (the others read none).
const PAGE_PARAMS: Record<string, string[]> = {
  "/signin": ["callbackUrl", "error"],
  "/signup": ["callbackUrl"],
  "/integrations/mine": ["cursor"],
  "/integrations/mine/[id]": ["created", "updated", "connected"],
  "/integrations/connection-problem": ["reason", "id"],
  "/admin": ["status", "type", "q", "from", "to", "sort", "limit", "cursor", "userId", "connection"],
  "/admin/[id]": ["updated"],
  "/admin/emails": ["status", "before", "id"],
  "/admin/users": ["q", "before"],
  "/account": ["keys"],
  "/account/webhooks": ["id", "status"],
};
// The same for the API's GET routes (their zod query schemas).
const LIST_PARAMS = ["status", "type", "q", "from", "to", "sort", "limit", "cursor", "connection"];
const API_PARAMS: Record<string, string[]> = {
  "/api/integrations": LIST_PARAMS,
  "/api/integrations/all": [...LIST_PARAMS, "userId"],
  "/api/integrations/export": [...LIST_PARAMS, "userId"],
  "/api/integrations/[id]": ["reveal"],
  "/api/integrations/[id]/callback": ["state", "code", "error"],
  "/api/auth/[...nextauth]": ["callbackUrl", "error"],
  "/api/keys": ["all"],
};

const from = ownAddress();
const password = "fuzz-pass-phrase-7";
const user = {
  email: `fuzz-${Date.now().toString(36)}-${process.pid}@example.test`,
  id: "",
  cookie: "",
  bearer: "",
};
const admin = { cookie: "", bearer: "" };
let real: RealSegments = {};

const json = { "content-type": "application/json" };
const asUser = () => ({ cookie: user.cookie });
const asAdmin = () => ({ cookie: admin.cookie });
const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });

test.beforeAll(async () => {
  const signedUp = await send("/api/auth/signup", {
    from,
    method: "POST",
    headers: json,
    body: JSON.stringify({ email: user.email, password, name: "Fuzz" }),
  });
  expect(signedUp.status, signedUp.body).toBe(201);
  user.id = String((JSON.parse(signedUp.body) as { user: { id: number } }).user.id);
  user.cookie = await sessionCookie(user.email, password, from);
  user.bearer = await bearerToken(user.email, password, from);
  admin.cookie = await sessionCookie("admin@example.com", "admin-password", from);
  admin.bearer = await bearerToken("admin@example.com", "admin-password", from);
  const submitted = await send("/api/integrations/submit", {
    from,
    method: "POST",
    headers: { ...json, ...bearerOf(user.bearer) },
    body: JSON.stringify({ integrationType: "fuzz", integrationName: "Fuzz", data: { note: "fuzz" } }),
  });
  expect(submitted.status, submitted.body).toBe(201);
  real = {
    "[id]": [String((JSON.parse(submitted.body) as { id: number }).id)],
    "[type]": ["jobadder"],
    "[deliveryId]": ["1"],
    "[...nextauth]": ["session", "csrf", "providers", "signin", "signout", "callback/credentials", "error"],
    "[[...path]]": ["nothing-here"],
  };
});

interface Probe {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/** What is wrong with an answer: a 5xx anywhere, or an /api error that is not the contract's JSON. */
function problemWith(probe: Probe, answer: Answer): string | undefined {
  const what = `${probe.method ?? "GET"} ${short(probe.path)}${probe.body ? ` ${short(probe.body.toString())}` : ""}`;
  if (answer.status >= 500) return `${what} → ${answer.status} ${short(answer.body)}`;
  if (!probe.path.startsWith("/api") || answer.status < 400) return undefined;
  const type = answer.headers["content-type"] ?? "";
  let body: { success?: unknown; error?: unknown; code?: unknown } | undefined;
  try {
    body = JSON.parse(answer.body) as typeof body;
  } catch {
    // Not JSON: reported below.
  }
  const shaped = body?.success === false && typeof body.error === "string" && typeof body.code === "string";
  return type.startsWith("application/json") && shaped
    ? undefined
    : `${what} → ${answer.status} ${type} ${short(answer.body)}`;
}

/** Sends the probes four at a time, from the spec's own address, with the app's Origin. */
async function fuzz(probes: Probe[]): Promise<string[]> {
  const problems: string[] = [];
  const queue = [...probes];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        const answer = await send(probe.path, {
          from,
          ...probe,
          headers: { origin: baseURL, ...probe.headers },
        });
        const problem = problemWith(probe, answer);
        if (problem) problems.push(problem);
      }
    }),
  );
  return problems;
}

test("every page answers malformed query values and path segments without a 5xx", async () => {
  test.setTimeout(240_000);
  const probes = pages.flatMap((route) => {
    const { queries, segments } = malformedUrls(route, PAGE_PARAMS[route] ?? [], real);
    const callers = route.startsWith("/admin") ? [asAdmin()] : [{}, asUser()];
    return [...queries, ...segments].flatMap((at) => callers.map((headers) => ({ path: at, headers })));
  });
  expect(await fuzz(probes)).toEqual([]);
});

test("every /api route answers malformed paths and query values with JSON, never a 5xx", async () => {
  test.setTimeout(240_000);
  const probes = apiRoutes.flatMap(({ route, methods }) => {
    const { queries, segments } = malformedUrls(route, API_PARAMS[route] ?? [], real);
    // As an admin, a real id under /api/admin/users would sign someone out or disable them.
    const callers = route.startsWith("/api/auth")
      ? [{}, asUser()]
      : route.startsWith("/api/admin/users")
        ? [bearerOf(user.bearer)]
        : [bearerOf(user.bearer), bearerOf(admin.bearer)];
    const gets = methods.includes("GET") ? [...queries, ...segments] : [];
    // The methods it takes, and one it does not (the JSON 405).
    const writes = [...methods.filter((method) => method !== "GET"), "DELETE"].flatMap((method) =>
      segments.map((at) => ({ path: at, method })),
    );
    return [...gets.map((at) => ({ path: at, method: "GET" })), ...writes].flatMap((probe) =>
      callers.map((headers) => ({ ...probe, headers })),
    );
  });
  expect(await fuzz(probes)).toEqual([]);
});

test("every /api route that takes a body answers malformed JSON with JSON, never a 5xx", async () => {
  test.setTimeout(240_000);
  const id = real["[id]"]![0]!;
  // A body each route would take, touching only the fuzz user's own data, and the fields that
  // each get every malformed value in turn (never bulk-status's filter: {} means everyone's).
  const bodies: (Omit<Probe, "body"> & { route: string; body: Record<string, unknown>; fields: string[] })[] =
    [
      {
        route: "/api/auth/signup",
        path: "/api/auth/signup",
        headers: json,
        body: { email: user.email, password, name: "Fuzz" },
        fields: ["email", "password", "name"],
      },
      {
        route: "/api/auth/token",
        path: "/api/auth/token",
        headers: json,
        body: { email: user.email, password },
        fields: ["email", "password"],
      },
      {
        route: "/api/auth/[...nextauth]",
        path: "/api/auth/session",
        headers: { ...json, ...asUser() },
        body: { csrfToken: "x", data: {} },
        fields: ["csrfToken", "data"],
      },
      {
        route: "/api/integrations/submit",
        path: "/api/integrations/submit",
        headers: { ...json, ...bearerOf(user.bearer) },
        body: {
          integrationType: "fuzz",
          integrationName: "Fuzz",
          data: { note: "f" },
          callbackUrl: "https://a.example/cb",
        },
        fields: ["integrationType", "integrationName", "data", "data.note", "callbackUrl"],
      },
      {
        route: "/api/integrations/[id]/update",
        path: `/api/integrations/${id}/update`,
        method: "PUT",
        headers: { ...json, ...bearerOf(admin.bearer) },
        body: { status: "in_progress", note: "fuzz", data: { note: "fuzz" } },
        fields: ["status", "note", "data", "data.note"],
      },
      {
        route: "/api/integrations/[id]/message",
        path: `/api/integrations/${id}/message`,
        headers: { ...json, ...bearerOf(admin.bearer) },
        body: { message: "fuzz" },
        fields: ["message"],
      },
      {
        route: "/api/integrations/bulk-status",
        path: "/api/integrations/bulk-status",
        headers: { ...json, ...bearerOf(admin.bearer) },
        body: { status: "pending", filter: { userId: user.id, q: "Fuzz" } },
        fields: ["status", "filter.q"],
      },
      {
        route: "/api/integrations/send-email",
        path: "/api/integrations/send-email",
        headers: { ...json, ...bearerOf(user.bearer) },
        body: {
          integrationData: { integrationName: "Fuzz" },
          recipientEmail: "admin@example.com",
          subject: "Fuzz",
          template: "integration_request",
        },
        fields: [
          "integrationData",
          "integrationData.integrationName",
          "recipientEmail",
          "subject",
          "template",
        ],
      },
      {
        route: "/api/keys",
        path: "/api/keys",
        headers: { ...json, ...bearerOf(user.bearer) },
        body: { name: "Fuzz", scopes: ["integrations:read"], expiresAt: "2099-01-01T00:00:00Z" },
        fields: ["name", "scopes", "expiresAt"],
      },
      {
        route: "/api/integrations/test",
        path: "/api/integrations/test",
        headers: { ...json, ...bearerOf(user.bearer) },
        body: { integrationType: "fuzz", integrationName: "Fuzz", data: { note: "f" } },
        fields: ["integrationType", "integrationName", "data", "data.note"],
      },
      {
        // No such user, once the body has passed (a real one would be disabled mid-run).
        route: "/api/admin/users/[id]",
        path: "/api/admin/users/999999999",
        method: "PATCH",
        headers: { ...json, ...bearerOf(admin.bearer) },
        body: { disabled: false },
        fields: ["disabled"],
      },
      {
        // An endpoint that is never created: the URL field is fuzzed, and a valid body would
        // need a public https receiver.
        route: "/api/webhooks",
        path: "/api/webhooks",
        headers: { ...json, ...bearerOf(user.bearer) },
        body: { url: "https://hooks.example.invalid/in", events: ["submission.created"] },
        fields: ["url", "events", "description", "scope"],
      },
      {
        // A submission's id: no such endpoint, once the body has passed.
        route: "/api/webhooks/[id]",
        path: `/api/webhooks/${id}`,
        method: "PATCH",
        headers: { ...json, ...bearerOf(user.bearer) },
        body: { enabled: false },
        fields: ["enabled", "events", "url"],
      },
      {
        // A submission's id: no such key, once the body has passed.
        route: "/api/keys/[id]/rotate",
        path: `/api/keys/${id}/rotate`,
        headers: { ...json, ...bearerOf(user.bearer) },
        body: { graceSeconds: 60 },
        fields: ["graceSeconds"],
      },
    ];
  // Every route that takes a body is here: a new one fails this test until it is fuzzed too.
  // Retry, revokes and a key's DELETE read no body (and a revoke would end the fuzz user's tokens
  // mid-run).
  const fuzzedRoutes = new Set([
    ...bodies.map(({ route }) => route),
    "/api/admin/emails/[id]/retry",
    "/api/auth/revoke",
    "/api/keys/[id]",
    "/api/admin/users/[id]/revoke",
    "/api/integrations/[id]/test",
    // Read no body: a test send, a rotation and a retry.
    "/api/webhooks/[id]/test",
    "/api/webhooks/[id]/rotate",
    "/api/webhooks/[id]/deliveries/[deliveryId]/retry",
  ]);
  const missing = apiRoutes.filter(
    ({ route, methods }) => methods.some((method) => method !== "GET") && !fuzzedRoutes.has(route),
  );
  expect(missing.map(({ route }) => route)).toEqual([]);

  const probes = bodies.flatMap(({ body, fields, route: _, ...probe }) =>
    [
      ...fields.flatMap((field) => malformedBodies(body, field)),
      ...BROKEN_BODIES.map((text) => Buffer.from(text)),
    ].map((text) => ({ method: "POST", ...probe, body: text })),
  );
  expect(await fuzz(probes)).toEqual([]);
});

// The load scenarios S1–S6 and the liveness baseline, and one autocannon measurement of a
// scenario against a server (bounded by duration, always on 127.0.0.1).
import { randomInt } from "node:crypto";
import autocannon from "autocannon";

export type Kind = "read" | "write" | "page";

export interface RequestSpec {
  method: "GET" | "POST" | "PUT";
  /** Called per request, so ids and bodies can vary. */
  path: () => string;
  body?: () => string;
  headers: Record<string, string>;
}

export interface Scenario {
  id: string;
  name: string;
  kind: Kind;
  request: RequestSpec;
  /** Whether raw-server.ts implements it (the admin page has no framework-free equivalent). */
  raw: boolean;
  /** Submit queues an email the app's mail worker renders afterwards (see run.ts). */
  queuesMail?: boolean;
}

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export const liveness: RequestSpec = { method: "GET", path: () => "/api/health/live", headers: {} };

export function scenarios(auth: {
  token: string;
  cookie: string;
  ids: { min: number; max: number };
}): Scenario[] {
  const bearer = { authorization: `Bearer ${auth.token}` };
  const json = { ...bearer, "content-type": "application/json" };
  const anyId = () => randomInt(auth.ids.min, auth.ids.max + 1);
  return [
    {
      id: "S1",
      name: "submit",
      kind: "write",
      raw: true,
      queuesMail: true,
      request: {
        method: "POST",
        path: () => "/api/integrations/submit",
        headers: json,
        body: () =>
          JSON.stringify({
            integrationType: "lever",
            integrationName: "Lever",
            data: {
              apiKey: `lv_bench_${randomInt(1e9)}`,
              webhookSigningToken: "0123456789abcdef0123456789abcdef",
            },
            callbackUrl: "https://app.example.com/api/integrations/lever/callback",
            source: "api",
          }),
      },
    },
    {
      id: "S2",
      name: "list, default page",
      kind: "read",
      raw: true,
      request: { method: "GET", path: () => "/api/integrations/all", headers: bearer },
    },
    {
      id: "S3",
      name: "list, status + -updatedAt",
      kind: "read",
      raw: true,
      request: {
        method: "GET",
        path: () => "/api/integrations/all?status=pending&sort=-updatedAt",
        headers: bearer,
      },
    },
    {
      id: "S4",
      name: "update",
      kind: "write",
      raw: true,
      request: {
        method: "PUT",
        path: () => `/api/integrations/${anyId()}/update`,
        headers: json,
        // A new value every time, so every request really writes (and records its event).
        body: () =>
          JSON.stringify({ data: { apiKey: `bench_${randomInt(1e9)}`, companyId: String(randomInt(1e6)) } }),
      },
    },
    {
      id: "S5",
      name: "get one",
      kind: "read",
      raw: true,
      request: { method: "GET", path: () => `/api/integrations/${anyId()}`, headers: bearer },
    },
    {
      id: "S6",
      name: "admin dashboard page",
      kind: "page",
      raw: false,
      request: { method: "GET", path: () => "/admin", headers: { cookie: auth.cookie } },
    },
  ];
}

export async function measure(
  baseUrl: string,
  spec: RequestSpec,
  options: { connections: number; duration: number },
): Promise<Measurement> {
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request) => ({
          ...request,
          path: spec.path(),
          ...(spec.body ? { body: spec.body() } : {}),
        }),
      },
    ],
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
  };
}

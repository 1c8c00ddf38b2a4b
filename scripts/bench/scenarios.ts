// The load scenarios: S0, the liveness route (the app's floor, held to a bare Next.js app's),
// S1–S6, what clients send, and S7, S5 with an API key instead of a JWT (a key's check must cost
// no more than a token's). The same requests go to the app, the raw server and the Flask service.
import { randomInt } from "node:crypto";

export type Kind = "floor" | "read" | "write" | "page";

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
  /** Whether raw-server.ts and the Flask service implement it (the admin page is only ours). */
  raw: boolean;
  /** Submit queues an email the app's mail worker renders afterwards (see run.ts). */
  queuesMail?: boolean;
}

export const liveness: RequestSpec = { method: "GET", path: () => "/api/health/live", headers: {} };

export const LIVENESS: Scenario = {
  id: "S0",
  name: "liveness (framework floor)",
  kind: "floor",
  raw: false,
  request: liveness,
};

export function scenarios(auth: {
  token: string;
  cookie: string;
  /** An API key with the admin's reach (integrations:read and admin), for S7. */
  apiKey: string;
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
      name: "list all, limit 50",
      kind: "read",
      raw: true,
      request: { method: "GET", path: () => "/api/integrations/all?limit=50", headers: bearer },
    },
    {
      id: "S3",
      name: "list completed, -updatedAt",
      kind: "read",
      raw: true,
      request: {
        method: "GET",
        path: () => "/api/integrations/all?status=completed&sort=-updatedAt&limit=50",
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
    {
      id: "S7",
      name: "get one, API key",
      kind: "read",
      raw: false,
      request: {
        method: "GET",
        path: () => `/api/integrations/${anyId()}`,
        headers: { authorization: `Bearer ${auth.apiKey}` },
      },
    },
  ];
}

// Submitting through the real route handler, so tests build their data the way clients do.
import { expect } from "vitest";
import { call } from "./call";
import type { TestUser } from "./users";

export const submitRoute = async () => (await import("@/app/api/integrations/submit/route")).POST;

export function submission(overrides: Record<string, unknown> = {}) {
  return {
    integrationType: "jobadder",
    integrationName: "JobAdder",
    status: "in_progress",
    data: { apiKey: "ja_live_0123456789abcdef", companyId: "123", jobId: "456" },
    callbackUrl: "https://app.example.com/api/integrations/jobadder/callback",
    source: "integration_overview",
    ...overrides,
  };
}

export async function submitAs(user: TestUser, overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await call(await submitRoute(), "/api/integrations/submit", {
    method: "POST",
    headers: user.headers,
    body: submission(overrides),
  });
  expect(response.status).toBe(201);
  return response.json.id;
}

/** PUT /api/integrations/{id}/update through the real route, as `user` (plus `headers`); the answer. */
export async function updateAs(
  user: TestUser,
  id: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const { PUT } = await import("@/app/api/integrations/[id]/update/route");
  return call(PUT, `/api/integrations/${id}/update`, {
    method: "PUT",
    headers: { ...user.headers, ...headers },
    params: { id: String(id) },
    body,
  });
}

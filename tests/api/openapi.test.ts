import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { call } from "@/tests/helpers/call";

// Every public route handler under app/api, found on disk, so a new endpoint cannot go
// undocumented. Left out: next-auth's own endpoints, liveness, the document itself, and the
// admin UI's internal endpoints under /api/admin. The OAuth callback sits under [id] (Next allows
// one name per dynamic segment) but is documented as the contract names it, {type}.
function routePaths(dir = "app/api"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routePaths(full);
    return entry.name === "route.ts"
      ? [
          `/${path
            .dirname(full)
            .replace(/^app\//, "")
            .replace(/\[(\w+)\]/g, "{$1}")
            .replace("{id}/callback", "{type}/callback")}`,
        ]
      : [];
  });
}
const PATHS = routePaths().filter(
  (p) =>
    !p.includes("[...") &&
    !p.startsWith("/api/admin/") &&
    !["/api/health/live", "/api/openapi.json"].includes(p),
);

describe("GET /api/openapi.json", () => {
  it("serves an OpenAPI 3.1 document of every endpoint, built from the request schemas", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const { status, json } = await call(GET, "/api/openapi.json");
    expect(status).toBe(200);
    expect(json.openapi).toBe("3.1.0");
    expect(Object.keys(json.paths).sort()).toEqual([...PATHS].sort());
    const submit = json.paths["/api/integrations/submit"].post;
    const body = submit.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["integrationType", "integrationName", "data"]);
    expect(body.properties.integrationType.pattern).toBe("^[a-z0-9_-]{1,64}$");
    expect(body.properties.status.enum).toEqual(["pending", "in_progress", "completed", "failed"]);
    expect(Object.keys(submit.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "409", "413", "415"]),
    );
    const list = json.paths["/api/integrations/all"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual([
      "status",
      "type",
      "q",
      "from",
      "to",
      "sort",
      "limit",
      "cursor",
      "connection",
      "userId",
    ]);
    const limit = list.parameters.find((p: { name: string }) => p.name === "limit");
    expect(limit.schema.default).toBe("100");
    // API keys: a security scheme, and the scope each operation needs; key management takes none.
    expect(json.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(submit.security).toContainEqual({ apiKey: ["integrations:write"] });
    expect(list.security).toContainEqual({ apiKey: ["admin"] });
    expect(json.paths["/api/integrations/{id}"].get.security).toContainEqual({
      apiKey: ["integrations:read"],
    });
    expect(json.paths["/api/keys"].post.security).toEqual([{ bearer: [] }, { session: [] }]);
    const email = json.paths["/api/integrations/send-email"].post;
    expect(email.requestBody.content["application/json"].schema.properties.template.enum).toEqual([
      "integration_request",
      "integration_status_changed",
      "connection_needs_attention",
      "integration_message",
      "webhook_disabled",
    ]);
  });
});

describe("/docs/api", () => {
  it("renders every operation for humans", async () => {
    const { default: ApiDocsPage } = await import("@/app/docs/api/page");
    const html = renderToStaticMarkup(createElement(ApiDocsPage));
    for (const path of PATHS) expect(html).toContain(path);
    expect(html).toContain("Idempotency-Key");
  });
});

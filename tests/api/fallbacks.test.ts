// Every answer of the API is JSON with `success`, also for a method a path does not take and
// for a path that does not exist (Next's own answers would be an empty 405 and an HTML page).
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const api = path.join(import.meta.dirname, "../../app/api");
const routeFiles = readdirSync(api, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("route.ts"));

describe("answers no handler takes", () => {
  it("every route file exports a handler for every method", async () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    for (const file of routeFiles) {
      const exported: Record<string, unknown> = await import(path.join(api, file));
      for (const method of METHODS) expect(typeof exported[method], `${file} ${method}`).toBe("function");
    }
  });

  it("answers a method a path lacks with a JSON 405 naming the methods it has", async () => {
    const one = await import("@/app/api/integrations/[id]/route");
    const response = await call(one.DELETE, "/api/integrations/1", { method: "DELETE", params: { id: "1" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.json).toEqual({ success: false, error: "This path takes GET only", code: "method_not_allowed" });
    expect(response.headers.get("x-request-id")).toBeTruthy();

    const submit = await import("@/app/api/integrations/submit/route");
    const get = await call(submit.GET, "/api/integrations/submit");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    // OPTIONS names the same methods (Next's own answer would list every exported one).
    const options = await call(submit.OPTIONS, "/api/integrations/submit", { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("answers an action next-auth does not have with the JSON 404 (its own are in the e2e)", async () => {
    const auth = await import("@/app/api/auth/[...nextauth]/route");
    for (const [handler, method] of [[auth.GET, "GET"], [auth.POST, "POST"]] as const) {
      const unknown = await call(handler as never, "/api/auth/nope", { method, params: { nextauth: ["nope"] } as never });
      expect(unknown.status, method).toBe(404);
      expect(unknown.json, method).toMatchObject({ success: false, code: "not_found" });
    }
  });

  it("answers an unknown /api path with a JSON 404 for any method", async () => {
    const unknown = await import("@/app/api/[[...path]]/route");
    for (const method of METHODS) {
      const response = await call(unknown[method], "/api/integrations/1/nope", { method, params: {} });
      expect(response.status, method).toBe(404);
      expect(response.json, method).toMatchObject({ success: false, code: "not_found" });
    }
  });
});

// Every answer of the API is JSON with `success`, also for a method a path does not take and
// for a path that does not exist (Next's own answers would be an empty 405 and an HTML page).
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonErrors, undecodablePath } from "@/lib/http/fallbacks";
import { call } from "@/tests/helpers/call";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const api = path.join(import.meta.dirname, "../../app/api");
const routeFiles = readdirSync(api, { recursive: true, encoding: "utf8" }).filter((file) =>
  file.endsWith("route.ts"),
);

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
    expect(response.json).toEqual({
      success: false,
      error: "This path takes GET only",
      code: "method_not_allowed",
    });
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
    for (const [handler, method] of [
      [auth.GET, "GET"],
      [auth.POST, "POST"],
    ] as const) {
      const unknown = await call(handler as never, "/api/auth/nope", {
        method,
        params: { nextauth: ["nope"] } as never,
      });
      expect(unknown.status, method).toBe(404);
      expect(unknown.json, method).toMatchObject({ success: false, code: "not_found" });
    }
  });

  it("checks what next-auth would put into a header unencoded, and a JSON body, before handing over", async () => {
    const auth = await import("@/app/api/auth/[...nextauth]/route");
    const error = await call(auth.GET as never, "/api/auth/error?error=%0a", {
      params: { nextauth: ["error"] } as never,
    });
    expect(error.status).toBe(400);
    expect(error.json).toMatchObject({
      success: false,
      code: "validation_failed",
      details: [{ field: "error" }],
    });
    const leaving = await call(
      auth.GET as never,
      "/api/auth/session?callbackUrl=http://localhost:3000.evil.example/",
      {
        params: { nextauth: ["session"] } as never,
      },
    );
    expect(leaving).toMatchObject({
      status: 400,
      json: { code: "validation_failed", details: [{ field: "callbackUrl" }] },
    });
    for (const callbackUrl of [
      "http%3A%2F%2Flocalhost%3A3000.evil.example%2F",
      "%zz",
      "https%3A%2F%2Fevil.example",
    ]) {
      const stale = await call(auth.GET as never, "/api/auth/session", {
        headers: { cookie: `a=1; next-auth.callback-url=${callbackUrl}` },
        params: { nextauth: ["session"] } as never,
      });
      expect(stale, callbackUrl).toMatchObject({ status: 400, json: { details: [{ field: "cookie" }] } });
      expect(stale.headers.get("set-cookie"), callbackUrl).toBe("next-auth.callback-url=; Path=/; Max-Age=0");
    }
    const provider = await call(auth.GET as never, "/api/auth/error/%0d", {
      params: { nextauth: ["error", "\r"] } as never,
    });
    expect(provider).toMatchObject({ status: 404, json: { success: false, code: "not_found" } });
    const broken = await call(auth.POST as never, "/api/auth/session", {
      headers: { "content-type": "application/json" },
      body: "{not json",
      params: { nextauth: ["session"] } as never,
    });
    expect(broken).toMatchObject({ status: 400, json: { success: false, code: "invalid_json" } });
  });

  it("turns next-auth's plain-text and empty refusals and failures into the JSON error, and keeps its JSON", async () => {
    const refused = (response: Response) => jsonErrors(response, "test-request-id", "refused here");
    const plain = refused(new Response("[object Object]", { status: 400 }));
    expect(plain.status).toBe(400);
    expect(await plain.json()).toEqual({ success: false, error: "refused here", code: "bad_request" });
    const empty = refused(new Response(null, { status: 500 }));
    expect(empty.status).toBe(500);
    expect(await empty.json()).toEqual({ success: false, error: "Internal error", code: "internal" });
    const configuration = refused(
      Response.json({ message: "There is a problem with the server configuration." }, { status: 500 }),
    );
    expect(await configuration.json()).toMatchObject({ success: false, code: "internal" });
    const signInFailed = Response.json(
      { url: "http://localhost:3000/signin?error=CredentialsSignin" },
      { status: 401 },
    );
    expect(refused(signInFailed)).toBe(signInFailed);
    const redirect = new Response(null, { status: 302, headers: { location: "/signin" } });
    expect(refused(redirect)).toBe(redirect);
  });

  it("refuses a path Next's router could not decode, before it gets there: JSON under /api", async () => {
    for (const escape of ["%zz", "%", "%C0%AF", "%ED%A0%80", "%FF%FE", "%u0000"]) {
      const api = undecodablePath(new Request(`http://localhost:3000/api/integrations/${escape}`))!;
      expect(api.status, escape).toBe(400);
      expect(await api.json(), escape).toMatchObject({
        success: false,
        code: "validation_failed",
        details: [{ field: "path" }],
      });
      const page = undecodablePath(new Request(`http://localhost:3000/admin/${escape}`))!;
      expect(page.status, escape).toBe(400);
      expect(page.headers.get("content-type"), escape).toContain("text/plain");
    }
    expect(
      undecodablePath(new Request("http://localhost:3000/api/integrations/%E3%80%82?q=%zz")),
    ).toBeUndefined();
    expect(
      undecodablePath(new Request("http://localhost:3000/apiary/%zz"))?.headers.get("content-type"),
    ).toContain("text/plain");
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

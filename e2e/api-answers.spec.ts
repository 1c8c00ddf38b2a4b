import { expect, test } from "@playwright/test";

// Next's router, not only the handlers: a method a path lacks and a path that does not exist
// both reach our JSON answers.
test("the API answers a wrong method with a JSON 405 and an unknown path with a JSON 404", async ({
  request,
}) => {
  const wrongMethod = await request.delete("/api/integrations/1");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await wrongMethod.json()).toMatchObject({ success: false, code: "method_not_allowed" });

  const getSubmit = await request.get("/api/integrations/submit");
  expect(getSubmit.status()).toBe(405);
  expect(await getSubmit.json()).toMatchObject({ success: false });

  for (const path of ["/api/integrations/1/nope", "/api/nothing-here", "/api", "/api/auth/nope"]) {
    const unknown = await request.get(path);
    expect(unknown.status(), path).toBe(404);
    expect(unknown.headers()["content-type"], path).toContain("application/json");
    expect(await unknown.json(), path).toMatchObject({ success: false, code: "not_found" });
  }
  // next-auth's own endpoints still answer.
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  expect((await csrf.json()).csrfToken).toEqual(expect.any(String));

  const options = await request.fetch("/api/integrations/submit", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("POST, OPTIONS");
});

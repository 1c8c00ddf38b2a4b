import { expect, test } from "@playwright/test";

// Next's router, not only the handlers: a method a path lacks and a path that does not exist
// both reach our JSON answers.
test("the API answers a wrong method with a JSON 405 and an unknown path with a JSON 404", async ({ request }) => {
  const wrongMethod = await request.delete("/api/integrations/1");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD");
  expect(await wrongMethod.json()).toMatchObject({ success: false, code: "method_not_allowed" });

  const getSubmit = await request.get("/api/integrations/submit");
  expect(getSubmit.status()).toBe(405);
  expect(await getSubmit.json()).toMatchObject({ success: false });

  for (const path of ["/api/integrations/1/nope", "/api/nothing-here"]) {
    const unknown = await request.get(path);
    expect(unknown.status(), path).toBe(404);
    expect(unknown.headers()["content-type"], path).toContain("application/json");
    expect(await unknown.json(), path).toMatchObject({ success: false, code: "not_found" });
  }
});

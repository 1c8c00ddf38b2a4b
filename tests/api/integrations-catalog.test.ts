import { describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { submission, submitAs, submitRoute, updateAs } from "../helpers/integrations";
import { createTestUser } from "../helpers/users";
import { rawQuery } from "../helpers/raw-db";
import { catalog, formSchema } from "@/lib/integrations/catalog";

describe("known integration types (the catalog)", () => {
  it("accepts the contract's own JobAdder example, partial data included", async () => {
    const user = await createTestUser();
    expect(await submitAs(user)).toBeGreaterThan(0);
    expect(await submitAs(user, { data: { apiKey: "test" } })).toBeGreaterThan(0);
  });

  it("answers 400 naming data.<field> when a known field has the wrong form, and stores nothing", async () => {
    const user = await createTestUser();
    const [{ n: before }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_submissions WHERE user_id = ?",
      [user.id],
    )) as [{ n: number }];
    const response = await call(await submitRoute(), "/api/integrations/submit", {
      headers: user.headers,
      body: submission({
        integrationType: "workday",
        integrationName: "Workday Recruiting",
        data: { tenant: 42, endpoint: "not a url" },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.json.details.map((d: { field: string }) => d.field).sort()).toEqual([
      "data.endpoint",
      "data.tenant",
    ]);
    const [{ n: after }] = (await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_submissions WHERE user_id = ?",
      [user.id],
    )) as [{ n: number }];
    expect(after).toBe(before);
  });

  it("checks updates of a known type the same way", async () => {
    const user = await createTestUser();
    const id = await submitAs(user, {
      integrationType: "workday",
      integrationName: "Workday Recruiting",
      data: { tenant: "acme" },
    });
    const bad = await updateAs(user, id, { data: { tenant: "acme", endpoint: "ftp://x" } });
    expect(bad).toMatchObject({ status: 400, json: { details: [{ field: "data.endpoint" }] } });
  });

  it("checks a field's format where the catalog gives one: Greenhouse's on-behalf-of user is a number", async () => {
    const user = await createTestUser();
    const POST = await submitRoute();
    const refused = await call(POST, "/api/integrations/submit", {
      method: "POST",
      headers: user.headers,
      body: submission({
        integrationType: "greenhouse",
        integrationName: "Greenhouse",
        data: { harvestApiKey: "gh_0123456789", onBehalfOfUserId: "jane@acme.com" },
      }),
    });
    expect(refused.status).toBe(400);
    expect(refused.json.details).toEqual([
      { field: "data.onBehalfOfUserId", message: "must be a number (the user's ID, not an email)" },
    ]);
    const greenhouse = catalog.find((entry) => entry.slug === "greenhouse")!;
    expect(
      formSchema(greenhouse).safeParse({ harvestApiKey: "k", onBehalfOfUserId: "4080512" }).success,
    ).toBe(true);
  });

  it("says how each system authenticates, and each way has its check", async () => {
    const { oauthProviders } = await import("@/lib/integrations/oauth-providers");
    const { providerChecks } = await import("@/lib/integrations/provider-checks");
    const ways = Object.fromEntries(catalog.map((entry) => [entry.slug, entry.auth]));
    expect(ways).toEqual({
      jobadder: "oauth",
      bullhorn: "oauth",
      lever: "oauth",
      greenhouse: "credentials",
      smartrecruiters: "credentials",
      icims: "credentials",
      workday: "credentials",
      custom: "none",
    });
    for (const entry of catalog) {
      expect(entry.slug in oauthProviders, entry.slug).toBe(entry.auth === "oauth");
      expect(entry.slug in providerChecks, entry.slug).toBe(entry.auth === "credentials");
      // An OAuth system is connected with the client the customer registered.
      if (entry.auth === "oauth") {
        expect(
          entry.fields.filter((f) => f.required).map((f) => f.name),
          entry.slug,
        ).toEqual(expect.arrayContaining(["clientId", "clientSecret"]));
      }
    }
  });

  it("has one form schema per entry that demands the required fields", () => {
    for (const entry of catalog) {
      const required = entry.fields.filter((f) => f.required).map((f) => f.name);
      const result = formSchema(entry).safeParse({});
      expect(result.success).toBe(required.length === 0);
      if (!result.success) expect(result.error.issues.map((i) => i.path[0]).sort()).toEqual(required.sort());
    }
  });
});

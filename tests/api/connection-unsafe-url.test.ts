import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { testStored } from "@/tests/helpers/connections";
import { submission, submitAs } from "@/tests/helpers/integrations";
import { createTestUser } from "@/tests/helpers/users";

// The guard through the routes, as deployed: INTEGRATION_ALLOW_PRIVATE_URLS is off, so a Workday
// endpoint a customer typed that is not public https is never called.
const workday = (endpoint: string) => ({
  integrationType: "workday",
  integrationName: "Workday Recruiting",
  data: { tenant: "acme", username: "isu", password: "isu-password-1", endpoint },
});

describe("a provider address that is not public https", () => {
  it("is refused with 400 unsafe_url before submitting, and recorded as failed for a stored one", async () => {
    const owner = await createTestUser();
    const { POST: testBefore } = await import("@/app/api/integrations/test/route");
    for (const endpoint of [
      "https://127.0.0.1/ccx/service/acme",
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.8/ccx",
      "http://wd5-services1.workday.com/ccx/service/acme",
    ]) {
      const refused = await call(testBefore, "/api/integrations/test", {
        method: "POST",
        headers: owner.headers,
        body: workday(endpoint),
      });
      expect([refused.status, refused.json.code], endpoint).toEqual([400, "unsafe_url"]);
      expect(refused.text).not.toContain("isu-password-1");
    }

    const id = await submitAs(owner, submission(workday("https://192.168.1.20/ccx/service/acme")));
    const stored = await testStored(owner, id);
    expect(stored.status).toBe(200);
    expect(stored.json.connection).toMatchObject({ status: "failed" });
    expect(stored.json.connection.message).toMatch(
      /^The Workday Recruiting address .*, so it was not called$/,
    );
  });
});

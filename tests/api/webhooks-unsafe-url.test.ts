import { describe, expect, it } from "vitest";
import { call } from "@/tests/helpers/call";
import { rawQuery } from "@/tests/helpers/raw-db";
import { createTestUser } from "@/tests/helpers/users";

// As deployed: WEBHOOK_ALLOW_PRIVATE_URLS is off, so an endpoint must be public https, its name
// resolved when it is given (and again at every delivery, by the guard).
describe("a webhook URL that is not public https", () => {
  it("is refused with 400 unsafe_url, and nothing is stored", async () => {
    const user = await createTestUser();
    const { POST } = await import("@/app/api/webhooks/route");
    for (const url of [
      "http://hooks.example.com/in",
      "https://127.0.0.1/in",
      "https://10.1.2.3/in",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/in",
      "https://localhost/in",
      "https://user:pass@hooks.example.com/in",
    ]) {
      const refused = await call(POST, "/api/webhooks", {
        method: "POST",
        headers: user.headers,
        body: { url, events: ["submission.created"] },
      });
      expect([refused.status, refused.json.code], url).toEqual([400, "unsafe_url"]);
    }
    const stored = await rawQuery("SELECT id FROM webhook_endpoints WHERE user_id = ?", [user.id]);
    expect(stored).toHaveLength(0);
  });
});

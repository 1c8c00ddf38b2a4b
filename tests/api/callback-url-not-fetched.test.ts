import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers/call";
import { submission, submitAs, updateAs } from "../helpers/integrations";
import { createTestUser } from "../helpers/users";

// SSRF: callbackUrl is stored and shown, never requested by the server. A listener on
// localhost counts any request that would prove otherwise.
let hits = 0;
let server: Server;
let callback: string;

beforeAll(async () => {
  server = createServer((_, res) => {
    hits += 1;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  callback = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/integrations/jobadder/callback`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("callbackUrl", () => {
  it("is stored and returned but never fetched, on submit, update, read or email", async () => {
    const user = await createTestUser();
    const admin = await createTestUser("admin");
    const id = String(await submitAs(user, { callbackUrl: callback }));
    await updateAs(admin, Number(id), { status: "completed" });
    const { GET } = await import("@/app/api/integrations/[id]/route");
    const one = await call(GET, `/api/integrations/${id}`, { headers: user.headers, params: { id } });
    expect(one.json.integration.callbackUrl).toBe(callback);
    const { claim } = await import("@/lib/mail/outbox");
    const { deliverClaimed } = await import("@/lib/mail/deliver");
    const { rawQuery } = await import("../helpers/raw-db");
    // Only this submission's emails: other files share this database.
    for (const { id: emailId } of await rawQuery<{ id: number }>(
      "SELECT id FROM email_outbox WHERE submission_id = ?",
      [id],
    )) {
      for (const row of await claim({ id: emailId })) await deliverClaimed(row);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toBe(0);
  });

  it("refuses non-https URLs except on localhost, so a stored link cannot point at plain-text hosts", async () => {
    const user = await createTestUser();
    const { POST } = await import("@/app/api/integrations/submit/route");
    const response = await call(POST, "/api/integrations/submit", {
      headers: user.headers,
      body: submission({ callbackUrl: "http://10.0.0.5/cb" }),
    });
    expect(response.status).toBe(400);
    expect(response.json.details[0].field).toBe("callbackUrl");
  });
});

// The two calls every connection test makes: test a stored submission's connection, and read the
// submission back as its owner sees it.
import { oneResponse } from "@/lib/integrations/api-responses";
import { call } from "./call";
import type { TestUser } from "./users";

export async function testStored(caller: TestUser, id: number) {
  const { POST } = await import("@/app/api/integrations/[id]/test/route");
  return call(POST, `/api/integrations/${id}/test`, {
    method: "POST",
    headers: caller.headers,
    params: { id: String(id) },
  });
}

export async function readOne(caller: TestUser, id: number) {
  const { GET } = await import("@/app/api/integrations/[id]/route");
  return oneResponse.parse(
    (await call(GET, `/api/integrations/${id}`, { headers: caller.headers, params: { id: String(id) } }))
      .json,
  );
}

// POST /api/integrations/[id]/test – owner or admin: check the stored credentials against the
// provider now, and record the result on the submission and in its history.
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/path-id";
import { testStoredConnection } from "@/lib/integrations/connection";

export const POST = route({ auth: "user", scope: "integrations:write" }, async ({ user, params }) =>
  ok({ connection: await testStoredConnection(user, parseId(params.id)) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

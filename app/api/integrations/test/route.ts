// POST /api/integrations/test – any user: check credentials before submitting them (a submit's
// body; nothing is stored or recorded).
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { testCredentials } from "@/lib/integrations/connection";
import { submitBody } from "@/lib/integrations/schemas";

export const POST = route(
  { auth: "user", scope: "integrations:write", body: submitBody },
  async ({ user, body }) => ok({ connection: await testCredentials(user, body) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

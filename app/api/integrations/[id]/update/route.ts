// PUT /api/integrations/[id]/update – owner or admin
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { parseId } from "@/lib/integrations/access";
import { updateBody } from "@/lib/integrations/schemas";
import { updateIntegration } from "@/lib/integrations/update";
import { otherMethods } from "@/lib/http/fallbacks";

export const PUT = route({ auth: "user", body: updateBody }, async ({ user, body, params, req }) => {
  await updateIntegration(user, parseId(params.id), body, { ifMatch: req.headers.get("if-match") });
  return ok({ message: "Integration updated successfully" });
});

export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");

// PUT /api/integrations/[id]/update – owner or admin
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { parseId } from "@/lib/http/path-id";
import { etagOf } from "@/lib/integrations/etag";
import { updateBody } from "@/lib/integrations/schemas";
import { updateIntegration } from "@/lib/integrations/update";
import { otherMethods } from "@/lib/http/fallbacks";

export const PUT = route(
  { auth: "user", scope: "integrations:write", body: updateBody },
  async ({ user, body, params, req }) => {
    const version = await updateIntegration(user, parseId(params.id), body, {
      ifMatch: req.headers.get("if-match"),
    });
    // The new ETag, so a client can send its next conditional update without reading again.
    return ok({ message: "Integration updated successfully" }, { headers: { etag: etagOf(version) } });
  },
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");

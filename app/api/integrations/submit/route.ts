// POST /api/integrations/submit – any user, for themselves (an admin also for another user)
import { route } from "@/lib/http/route";
import { submitBody } from "@/lib/integrations/schemas";
import { submitIntegration } from "@/lib/integrations/submit";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route(
  { auth: "user", scope: "integrations:write", body: submitBody },
  async ({ user, body, req }) => {
    const result = await submitIntegration(user, body, {
      idempotencyKey: req.headers.get("idempotency-key"),
    });
    return Response.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "idempotent-replayed": "true" } : {},
    });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

// GET /api/integrations – the caller's own submissions
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { listIntegrations } from "@/lib/integrations/list-query";
import { ownListQuery } from "@/lib/integrations/schemas";
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = route(
  { auth: "user", scope: "integrations:read", query: ownListQuery },
  async ({ user, query }) => {
    const page = await listIntegrations({ userId: user.id }, query);
    return ok({ ...page }, { headers: { "cache-control": "private, no-store" } });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

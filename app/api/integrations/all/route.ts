// GET /api/integrations/all – admin
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { listIntegrations } from "@/lib/integrations/list-query";
import { listQuery } from "@/lib/integrations/schemas";
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = route({ auth: "admin", query: listQuery }, async ({ query }) => {
  const page = await listIntegrations({ all: true }, query);
  return ok({ ...page }, { headers: { "cache-control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

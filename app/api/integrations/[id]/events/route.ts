// GET /api/integrations/[id]/events – owner or admin
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { parseId } from "@/lib/http/path-id";
import { listEvents } from "@/lib/integrations/events";
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = route({ auth: "user", scope: "integrations:read" }, async ({ user, params }) => {
  const events = await listEvents(user, parseId(params.id));
  return ok({ events }, { headers: { "cache-control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

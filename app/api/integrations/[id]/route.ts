// GET /api/integrations/[id] – owner or admin; ?reveal=true unmasks data (audited)
import { requireDeliberate, requireScope } from "@/lib/auth/require-user";
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { parseId } from "@/lib/http/path-id";
import { getIntegration } from "@/lib/integrations/get";
import { getQuery } from "@/lib/integrations/schemas";
import { etagMatches, etagOf } from "@/lib/integrations/etag";
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = route(
  { auth: "user", scope: "integrations:read", query: getQuery },
  async ({ user, query, params, req }) => {
    const reveal = query.reveal ?? false;
    if (reveal) {
      requireScope(user, "integrations:reveal");
      requireDeliberate(req);
    }
    const { integration, version } = await getIntegration(user, parseId(params.id), { reveal });
    const etag = etagOf(version);
    // Revealed data is never cached, so a reveal always answers in full.
    const headers = { etag, "cache-control": reveal ? "private, no-store" : "private, no-cache" };
    const ifNoneMatch = req.headers.get("if-none-match");
    if (!reveal && ifNoneMatch !== null && etagMatches(ifNoneMatch, version)) {
      return new Response(null, { status: 304, headers });
    }
    return ok({ integration }, { headers });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

// GET /api/openapi.json – public
import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/integrations/openapi";
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = route({ auth: "public" }, async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

// POST /api/integrations/bulk-status – admin: set the status of every submission matching a filter
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { bulkStatusBody } from "@/lib/integrations/schemas";
import { setStatusOfMatching } from "@/lib/integrations/bulk-status";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route({ auth: "admin", body: bulkStatusBody }, async ({ user, body }) => {
  const result = await setStatusOfMatching(user, body.filter, body.status);
  return ok({ ...result, message: `${result.updated} of ${result.matched} submissions updated` });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

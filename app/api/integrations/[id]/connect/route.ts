// GET /api/integrations/[id]/connect – the owner of an OAuth request: off to the provider's
// consent page, with a state only this person's callback can spend within 10 minutes.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { route } from "@/lib/http/route";
import { connectErrorPage } from "@/lib/integrations/connect-navigation";
import { connectUrl } from "@/lib/integrations/oauth-connect";

export const GET = route(
  { auth: "user", scope: "integrations:write", onError: connectErrorPage },
  async ({ user, params }) =>
    new Response(null, { status: 302, headers: { location: await connectUrl(user, parseId(params.id)) } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

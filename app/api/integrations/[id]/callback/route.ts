// GET /api/integrations/[type]/callback – where the provider sends the owner back (the segment is
// the integration type; Next names it like its siblings). The state is spent, the code exchanged,
// the tokens kept sealed, and the owner lands on the request; anything else on a page saying why.
import { errors } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/fallbacks";
import { route } from "@/lib/http/route";
import { connectErrorPage, seeOther } from "@/lib/integrations/connect-navigation";
import { finishConnect } from "@/lib/integrations/oauth-connect";
import { oauthProviders } from "@/lib/integrations/oauth-providers";
import { callbackQuery } from "@/lib/integrations/schemas";

export const GET = route(
  { auth: "user", query: callbackQuery, onError: connectErrorPage },
  async ({ user, params, query }) => {
    const type = String(params.id);
    if (!Object.hasOwn(oauthProviders, type)) throw errors.notFound("No OAuth integration of this type");
    const id = await finishConnect(user, type, query);
    return seeOther(`/integrations/mine/${id}?connected=1`);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

// DELETE /api/keys/[id] – revoke a key (its owner, or an admin): it stops working at once.
import { keyNotFound, revokeApiKey } from "@/lib/auth/api-keys";
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/path-id";

export const DELETE = route({ auth: "user" }, async ({ user, params }) => {
  await revokeApiKey(user, parseId(params.id, keyNotFound));
  return ok({ message: "API key revoked" });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");

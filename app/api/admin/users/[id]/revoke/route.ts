// POST /api/admin/users/[id]/revoke – admin: sign a person out everywhere (every session and
// token issued until now stops working; their API keys are revoked one by one, elsewhere).
import { revokeAllTokens } from "@/lib/auth/session-revocation";
import { errors } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/path-id";

const noSuchUser = () => errors.notFound("No user with this id");

export const POST = route({ auth: "admin" }, async ({ params }) => {
  if (!(await revokeAllTokens(parseId(params.id, noSuchUser)))) throw noSuchUser();
  return ok({ message: "Every session and token of this user issued until now has been revoked" });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

// POST /api/auth/revoke – any user: every session and token of the caller issued until now stops working
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { revokeAllTokens } from "@/lib/auth/session-revocation";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route({ auth: "user" }, async ({ user }) => {
  await revokeAllTokens(user.id);
  return ok({ message: "Every session and token issued until now has been revoked" });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

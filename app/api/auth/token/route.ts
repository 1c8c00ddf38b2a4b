// POST /api/auth/token – public: email + password → a Bearer JWT for API clients (403 when
// PASSWORD_SIGNIN=false).
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { tokenBody } from "@/lib/auth/schemas";
import { authenticate, requirePasswordSignIn } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/auth/client-address";
import { signAccessToken } from "@/lib/auth/tokens";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route(
  { auth: "public", before: requirePasswordSignIn, body: tokenBody },
  async ({ body, req }) => {
    const user = await authenticate(body.email, body.password, clientAddress(req.headers));
    const { token, expiresIn } = await signAccessToken(user);
    return ok({ token, tokenType: "Bearer", expiresIn }, { headers: { "cache-control": "no-store" } });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

// POST /api/auth/signup – public (unless ALLOW_SIGNUP=false): create a user account.
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { signupBody } from "@/lib/auth/schemas";
import { requireSignupOpen, signUp } from "@/lib/auth/sign-up";
import { clientAddress } from "@/lib/auth/client-address";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route(
  { auth: "public", before: requireSignupOpen, body: signupBody },
  async ({ body, req }) => {
    const user = await signUp(body, clientAddress(req.headers));
    return ok(
      { user: { id: user.id, email: user.email, name: user.name, role: user.role } },
      { status: 201 },
    );
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

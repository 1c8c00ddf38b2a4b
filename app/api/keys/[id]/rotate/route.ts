// POST /api/keys/[id]/rotate – a new secret for a key (its owner, or an admin); the old one
// keeps working for the grace period asked for.
import { keyNotFound, rotateApiKey } from "@/lib/auth/api-keys";
import { rotateKeyBody } from "@/lib/auth/key-schemas";
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/path-id";

export const POST = route(
  { auth: "user", body: rotateKeyBody, bodyOptional: true },
  async ({ user, body, params }) => {
    const rotated = await rotateApiKey(user, parseId(params.id, keyNotFound), body.graceSeconds);
    return ok({ ...rotated }, { status: 201, headers: { "cache-control": "no-store" } });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

// POST /api/webhooks/[id]/rotate – a new signing secret (shown this once); the old one signs too for 24 h.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { rotateSecret, webhookNotFound } from "@/lib/webhooks/endpoints";

export const POST = route({ auth: "user" }, async ({ user, params }) =>
  ok(await rotateSecret(user, parseId(params.id, webhookNotFound)), { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

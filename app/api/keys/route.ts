// GET /api/keys – the caller's API keys (?all=true: an admin sees everyone's); POST – a new key.
// Managed with a session or a JWT, never with a key: the route names no scope.
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { createKeyBody, keysQuery } from "@/lib/auth/key-schemas";
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "user", query: keysQuery }, async ({ user, query }) =>
  ok({ keys: await listApiKeys(user, query.all ?? false) }),
);

export const POST = route({ auth: "user", body: createKeyBody }, async ({ user, body }) => {
  const created = await createApiKey(user, { ...body, expiresAt: body.expiresAt ?? undefined });
  return ok({ ...created }, { status: 201, headers: { "cache-control": "no-store" } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");

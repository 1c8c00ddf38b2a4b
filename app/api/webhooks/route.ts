// POST /api/webhooks – a new endpoint (its secret shown this once); GET – the caller's (an admin: all).
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookBody } from "@/lib/webhooks/schemas";

export const POST = route({ auth: "user", body: createWebhookBody }, async ({ user, body }) =>
  ok(await createEndpoint(user, body), { status: 201 }),
);

export const GET = route({ auth: "user" }, async ({ user }) => ok({ webhooks: await listEndpoints(user) }));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");

// GET, PATCH, DELETE /api/webhooks/[id] – its owner or an admin; anyone else a 404.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import {
  deleteEndpoint,
  findEndpoint,
  updateEndpoint,
  viewOf,
  webhookNotFound,
} from "@/lib/webhooks/endpoints";
import { updateWebhookBody } from "@/lib/webhooks/schemas";

export const GET = route({ auth: "user" }, async ({ user, params }) =>
  ok({ webhook: viewOf(await findEndpoint(user, parseId(params.id, webhookNotFound))) }),
);

export const PATCH = route({ auth: "user", body: updateWebhookBody }, async ({ user, params, body }) =>
  ok({ webhook: await updateEndpoint(user, parseId(params.id, webhookNotFound), body) }),
);

export const DELETE = route({ auth: "user" }, async ({ user, params }) => {
  await deleteEndpoint(user, parseId(params.id, webhookNotFound));
  return ok({ message: "Webhook deleted" });
});

export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");

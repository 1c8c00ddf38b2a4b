// POST /api/webhooks/[id]/deliveries/[deliveryId]/retry – send it again now.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { webhookNotFound } from "@/lib/webhooks/endpoints";
import { retryDelivery } from "@/lib/webhooks/deliveries";

export const POST = route({ auth: "user" }, async ({ user, params }) => {
  await retryDelivery(user, parseId(params.id, webhookNotFound), parseId(params.deliveryId, webhookNotFound));
  return ok({ queued: true, message: "Delivery queued again" }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

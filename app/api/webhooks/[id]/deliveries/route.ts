// GET /api/webhooks/[id]/deliveries – the endpoint's latest 100 events and every attempt at them.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { webhookNotFound } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { deliveriesQuery } from "@/lib/webhooks/schemas";

export const GET = route({ auth: "user", query: deliveriesQuery }, async ({ user, params, query }) =>
  ok({ deliveries: await listDeliveries(user, parseId(params.id, webhookNotFound), query) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

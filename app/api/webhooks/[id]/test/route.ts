// POST /api/webhooks/[id]/test – a webhook.test event sent now, with what the receiver answered.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { webhookNotFound } from "@/lib/webhooks/endpoints";
import { sendTestEvent } from "@/lib/webhooks/deliveries";

export const POST = route({ auth: "user" }, async ({ user, params }) =>
  ok({ delivery: await sendTestEvent(user, parseId(params.id, webhookNotFound)) }, { status: 202 }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

// POST /api/integrations/[id]/message – admin only: a message to the owner, the status unchanged.
import { otherMethods } from "@/lib/http/fallbacks";
import { parseId } from "@/lib/http/path-id";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { sendOwnerMessage } from "@/lib/integrations/message";
import { messageBody } from "@/lib/integrations/schemas";

export const POST = route({ auth: "admin", body: messageBody }, async ({ user, params, body }) => {
  await sendOwnerMessage(user, parseId(params.id), body.message);
  return ok({ queued: true, message: "Message queued for the owner" }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

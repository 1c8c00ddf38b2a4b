// POST /api/integrations/send-email – any user to the notification recipients, admins to anyone
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { sendEmailBody } from "@/lib/integrations/schemas";
import { sendIntegrationEmail } from "@/lib/integrations/send-email";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route(
  { auth: "user", scope: "email:send", body: sendEmailBody },
  async ({ user, body }) => {
    const delivery = await sendIntegrationEmail(user, body);
    if (delivery.delivered) return ok({ message: "Email sent successfully", messageId: delivery.messageId });
    return ok({ queued: true, message: "Email queued for delivery" }, { status: 202 });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

// send-email's integrationData is free-form (the original backend passed anything): take the
// fields each template shows, as bounded strings, and drop the rest, credentials included.
import type { AuthUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import type { TemplateName } from "@/lib/mail/template-names";

const text = (value: unknown, fallback: string, max = 255) =>
  (typeof value === "string" && value.trim() ? value.trim() : fallback).slice(0, max);

export function templatePropsFrom(template: TemplateName, data: Record<string, unknown>, caller: AuthUser) {
  const appUrl = env().APP_URL;
  const id = typeof data.id === "number" && Number.isSafeInteger(data.id) && data.id > 0 ? data.id : null;
  const integrationName = text(data.integrationName, "Integration");
  if (template === "integration_request") {
    return {
      integrationName,
      integrationType: text(data.integrationType, "custom", 64),
      userEmail: text(data.userEmail, caller.email),
      userName: typeof data.userName === "string" ? text(data.userName, "") || null : null,
      status: text(data.status, "pending", 32),
      submissionId: id,
      dashboardUrl: new URL(id ? `/admin/${id}` : "/admin", appUrl).toString(),
    };
  }
  return {
    integrationName,
    from: text(data.from ?? data.previousStatus, "pending", 32),
    to: text(data.to ?? data.status, "in_progress", 32),
    submissionId: id,
    myIntegrationsUrl: new URL(id ? `/integrations/mine/${id}` : "/integrations/mine", appUrl).toString(),
  };
}

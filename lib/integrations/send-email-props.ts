// send-email's integrationData is free-form (the original backend passed anything): take the
// fields each template shows, as bounded strings, and drop the rest, credentials included. What
// an admin sends is taken as given. A user's email must not be able to speak for someone else:
// the requester is the caller, a referenced submission must be the caller's own (else 404) and
// supplies its own name, type and status, statuses are only the real ones, and free text cannot
// turn into a link in a mail client.
import "server-only";
import { statuses, type Status } from "@/db/schema";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import type { TemplateName } from "@/lib/mail/template-names";
import { findVisible } from "./access";

const text = (value: unknown, fallback: string, max = 255) =>
  (typeof value === "string" && value.trim() ? value.trim() : fallback).slice(0, max);

const SLUG = /^[a-z0-9_-]{1,64}$/;

/** "https://evil.example/x" → "https[:]//evil[.]example/x": read as text, never followed as a link. */
export function defanged(value: string): string {
  return value.replace(/:\/\//g, "[:]//").replace(/([a-z0-9-])\.(?=[a-z])/gi, "$1[.]");
}

const knownStatus = (value: unknown): Status | undefined => statuses.find((status) => status === value);

export async function templatePropsFrom(
  template: TemplateName,
  data: Record<string, unknown>,
  caller: AuthUser,
) {
  const appUrl = env().APP_URL;
  const id = typeof data.id === "number" && Number.isSafeInteger(data.id) && data.id > 0 ? data.id : null;
  const trusted = isAdmin(caller);
  const own = id !== null && !trusted ? await findVisible(caller, id) : undefined;
  if (id !== null && !trusted && !own) throw errors.notFound();
  const free = (value: unknown, fallback: string, max?: number) => {
    const given = text(value, fallback, max);
    return trusted ? given : defanged(given);
  };
  const integrationName = own?.integrationName ?? free(data.integrationName, "Integration");
  if (template === "integration_request") {
    return {
      integrationName,
      integrationType:
        own?.integrationType ??
        (trusted
          ? text(data.integrationType, "custom", 64)
          : (SLUG.exec(String(data.integrationType))?.[0] ?? "custom")),
      userEmail: trusted ? text(data.userEmail, caller.email) : caller.email,
      userName: trusted
        ? typeof data.userName === "string"
          ? text(data.userName, "") || null
          : null
        : caller.name,
      status:
        own?.status ?? (trusted ? text(data.status, "pending", 32) : (knownStatus(data.status) ?? "pending")),
      submissionId: id,
      dashboardUrl: new URL(id ? `/admin/${id}` : "/admin", appUrl).toString(),
    };
  }
  const from = data.from ?? data.previousStatus;
  const to = data.to ?? data.status;
  return {
    integrationName,
    from: trusted ? text(from, "pending", 32) : (knownStatus(from) ?? "pending"),
    to: own?.status ?? (trusted ? text(to, "in_progress", 32) : (knownStatus(to) ?? "in_progress")),
    submissionId: id,
    myIntegrationsUrl: new URL(id ? `/integrations/mine/${id}` : "/integrations/mine", appUrl).toString(),
  };
}

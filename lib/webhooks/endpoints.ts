// Webhook endpoints (docs/api.md, "Webhooks"): a person's own, for their submissions' events; an
// admin's may take everyone's (scope "all"). Owner or admin only, anyone else a 404. The secret
// is shown when it is made (create, rotate) and never again.
import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { users, webhookEndpoints as w, type WebhookEndpoint } from "@/db/schema";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { openData, sealData } from "@/lib/crypto/data-cipher";
import { env } from "@/lib/env";
import { AppError, errors } from "@/lib/http/errors";
import { checkResolvedUrl, UnsafeUrlError } from "@/lib/http/safe-fetch";
import type { WebhookEventType } from "./events";
import type { CreateWebhookBody, UpdateWebhookBody } from "./schemas";
import { newSecret } from "./signing";

/** How long a rotated-out secret still signs, so receivers can switch without losing events. */
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface WebhookView {
  id: number;
  url: string;
  events: WebhookEventType[];
  scope: "own" | "all";
  enabled: boolean;
  description: string | null;
  failures: number;
  createdAt: string;
  userEmail?: string;
}

export const webhookPolicy = () => ({ allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_URLS });

export const viewOf = (row: WebhookEndpoint, userEmail?: string): WebhookView => ({
  id: row.id,
  url: row.url,
  events: row.events.split(" ") as WebhookEventType[],
  scope: row.scope,
  enabled: row.enabled,
  description: row.description,
  failures: row.failures,
  createdAt: row.createdAt.toISOString(),
  ...(userEmail === undefined ? {} : { userEmail }),
});

const sealSecret = (secret: string) => sealData({ secret });
const openSecret = (sealed: string) => openData(sealed).secret as string;

async function safeUrl(url: string): Promise<string> {
  try {
    await checkResolvedUrl(new URL(url), webhookPolicy());
    return url;
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw new AppError(400, "unsafe_url", `The URL ${error.message}`);
    throw error;
  }
}

const visible = (caller: AuthUser, id: number): SQL | undefined =>
  isAdmin(caller) ? eq(w.id, id) : and(eq(w.id, id), eq(w.userId, caller.id));

export const webhookNotFound = () => errors.notFound("Webhook not found");

/** The endpoint, if the caller may see it (its owner, an admin). */
export async function findEndpoint(caller: AuthUser, id: number): Promise<WebhookEndpoint> {
  const [row] = await db().select().from(w).where(visible(caller, id)).limit(1);
  if (!row) throw webhookNotFound();
  return row;
}

export async function createEndpoint(
  caller: AuthUser,
  body: CreateWebhookBody,
): Promise<{ webhook: WebhookView; secret: string }> {
  if (body.scope === "all" && !isAdmin(caller)) {
    throw errors.forbidden("Only an admin may receive every submission's events");
  }
  const url = await safeUrl(body.url);
  const secret = newSecret();
  const [result] = await db()
    .insert(w)
    .values({
      userId: caller.id,
      url,
      events: body.events.join(" "),
      description: body.description || null,
      scope: body.scope,
      secret: sealSecret(secret),
    });
  return { webhook: viewOf(await findEndpoint(caller, result.insertId)), secret };
}

export async function listEndpoints(caller: AuthUser): Promise<WebhookView[]> {
  const rows = await db()
    .select({ endpoint: w, email: users.email })
    .from(w)
    .innerJoin(users, eq(users.id, w.userId))
    .where(isAdmin(caller) ? undefined : eq(w.userId, caller.id))
    .orderBy(desc(w.id))
    .limit(500);
  return rows.map(({ endpoint, email }) => viewOf(endpoint, isAdmin(caller) ? email : undefined));
}

export async function updateEndpoint(
  caller: AuthUser,
  id: number,
  body: UpdateWebhookBody,
): Promise<WebhookView> {
  await findEndpoint(caller, id);
  await db()
    .update(w)
    .set({
      ...(body.url === undefined ? {} : { url: await safeUrl(body.url) }),
      ...(body.events === undefined ? {} : { events: body.events.join(" ") }),
      ...(body.description === undefined ? {} : { description: body.description || null }),
      // Enabling again starts the failure count afresh.
      ...(body.enabled === undefined
        ? {}
        : { enabled: body.enabled, ...(body.enabled ? { failures: 0 } : {}) }),
    })
    .where(eq(w.id, id));
  return viewOf(await findEndpoint(caller, id));
}

export async function deleteEndpoint(caller: AuthUser, id: number): Promise<void> {
  await findEndpoint(caller, id);
  await db().delete(w).where(eq(w.id, id));
}

/** A new secret; the old one keeps signing for 24 hours alongside it. */
export async function rotateSecret(caller: AuthUser, id: number): Promise<{ secret: string }> {
  const row = await findEndpoint(caller, id);
  const secret = newSecret();
  await db()
    .update(w)
    .set({
      secret: sealSecret(secret),
      previousSecret: row.secret,
      previousUntil: new Date(Date.now() + ROTATION_OVERLAP_MS),
    })
    .where(and(eq(w.id, id), eq(w.secret, row.secret)));
  return { secret };
}

/** The secrets an endpoint signs with now: its own, and a rotated-out one within its overlap. */
export function signingSecrets(row: WebhookEndpoint): string[] {
  const current = openSecret(row.secret);
  return row.previousSecret && row.previousUntil && row.previousUntil.getTime() > Date.now()
    ? [current, openSecret(row.previousSecret)]
    : [current];
}

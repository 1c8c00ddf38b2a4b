// Who may see a submission, as a query condition: admins any, everyone else only their own.
// Used by every read and write of one submission, so a missing check cannot hide in a caller.
import { and, eq, type SQL } from "drizzle-orm";
import { integrationSubmissions } from "@/db/schema";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { errors } from "@/lib/http/errors";

const ID = /^[1-9]\d{0,14}$/;

/** The route's `[id]`: anything that is not a plausible id is simply not found. */
export function parseId(param: unknown): number {
  if (typeof param !== "string" || !ID.test(param)) throw errors.notFound();
  return Number(param);
}

export function visibleTo(user: AuthUser, id: number): SQL | undefined {
  const byId = eq(integrationSubmissions.id, id);
  return isAdmin(user) ? byId : and(byId, eq(integrationSubmissions.userId, user.id));
}

// Who may see a submission, as a query condition: admins any, everyone else only their own.
// Used by every read and write of one submission, so a missing check cannot hide in a caller.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import { integrationSubmissions, type IntegrationSubmission } from "@/db/schema";
import { isAdmin, type AuthUser } from "@/lib/auth/user";

export function visibleTo(user: AuthUser, id: number): SQL | undefined {
  const byId = eq(integrationSubmissions.id, id);
  return isAdmin(user) ? byId : and(byId, eq(integrationSubmissions.userId, user.id));
}

// The same rule, prepared once, for the most frequent read (GET one).
const t = integrationSubmissions;
const anyRow = prepared((db) =>
  db
    .select()
    .from(t)
    .where(eq(t.id, sql.placeholder("id")))
    .limit(1)
    .prepare(),
);
const ownRow = prepared((db) =>
  db
    .select()
    .from(t)
    .where(and(eq(t.id, sql.placeholder("id")), eq(t.userId, sql.placeholder("userId"))))
    .limit(1)
    .prepare(),
);

/** The submission if the user may see it. */
export async function findVisible(user: AuthUser, id: number): Promise<IntegrationSubmission | undefined> {
  const [row] = isAdmin(user)
    ? await anyRow().execute({ id })
    : await ownRow().execute({ id, userId: user.id });
  return row;
}

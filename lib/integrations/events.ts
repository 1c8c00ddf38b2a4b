// The audit history of a submission: written inside the transaction of the change it records,
// read back oldest first. Details name fields and statuses, never values.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import type { Db } from "@/db/client";
import type { Tx } from "@/db/transaction";
import { integrationEvents, integrationSubmissions, type EventDetails, type EventType } from "@/db/schema";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { errors } from "@/lib/http/errors";
import { visibleTo } from "./access";

export interface EventDto {
  id: number;
  type: EventType;
  actor: { id: number | null; email: string | null };
  details: EventDetails;
  createdAt: string;
}

export interface NewEvent {
  /** null for the system itself (the mail worker). */
  actor: AuthUser | null;
  type: EventType;
  details?: EventDetails | null;
}

/** Records a change's events in one statement, in order. */
export async function recordEvents(tx: Tx | Db, submissionId: number, events: NewEvent[]): Promise<void> {
  await recordEventsOf(
    tx,
    events.map((event) => ({ ...event, submissionId })),
  );
}

/** Events of several submissions in one statement (the mail worker's, for a digest). */
export async function recordEventsOf(
  tx: Tx | Db,
  events: (NewEvent & { submissionId: number })[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(integrationEvents).values(
    events.map(({ submissionId, actor, type, details }) => ({
      submissionId,
      type,
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      details: details ?? null,
    })),
  );
}

export async function recordEvent(
  tx: Tx | Db,
  submissionId: number,
  actor: AuthUser | null,
  type: EventType,
  details: EventDetails | null = null,
): Promise<void> {
  await recordEvents(tx, submissionId, [{ actor, type, details }]);
}

export async function listEvents(user: AuthUser, id: number): Promise<EventDto[]> {
  const [visible] = await db()
    .select({ id: integrationSubmissions.id })
    .from(integrationSubmissions)
    .where(visibleTo(user, id))
    .limit(1);
  if (!visible) throw errors.notFound();
  const rows = await db()
    .select()
    .from(integrationEvents)
    .where(eq(integrationEvents.submissionId, id))
    .orderBy(asc(integrationEvents.id));
  const admin = isAdmin(user);
  const own = (email: string | undefined) => email?.toLowerCase() === user.email.toLowerCase();
  return (
    rows
      // An owner sees the emails sent to them, not those to the team, and the team as a whole
      // rather than the address of whoever acted.
      .filter((row) => admin || !row.type.startsWith("email_") || own(row.details?.recipient))
      .map((row) => ({
        id: row.id,
        type: row.type,
        actor:
          admin || row.actorId === user.id
            ? { id: row.actorId, email: row.actorEmail }
            : { id: null, email: null },
        details: row.details ?? {},
        createdAt: row.createdAt.toISOString(),
      }))
  );
}

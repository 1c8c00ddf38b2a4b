// Connections are checked again on a schedule (CONNECTION_CHECK_HOURS, jittered), so a key that
// was revoked or an OAuth grant that died is found before someone needs it, and an OAuth
// connection's refresh token is used often enough to stay alive (JobAdder's dies after 14 idle
// days). Every process runs the loop; a due row is claimed by moving its next check forward with
// a conditional update, so with any number of processes and database nodes each due check runs
// once.
import "server-only";
import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { integrationSubmissions } from "@/db/schema";
import { AppError, describeError } from "@/lib/http/errors";
import { log } from "@/lib/log";
import { checkStored, nextCheckAt, recordCheck } from "./connection";

const EVERY_MS = 60_000;
const BATCH = 10;

/** Runs the checks that are due, a batch at a time; how many this process ran. */
export async function checkDueConnections(batch = BATCH): Promise<number> {
  const due = await db()
    .select()
    .from(integrationSubmissions)
    .where(
      and(
        isNotNull(integrationSubmissions.connectionNextCheckAt),
        lte(integrationSubmissions.connectionNextCheckAt, sql`CURRENT_TIMESTAMP(3)`),
      ),
    )
    .orderBy(asc(integrationSubmissions.connectionNextCheckAt))
    .limit(batch);
  let ran = 0;
  for (const row of due) {
    const [claimed] = await db()
      .update(integrationSubmissions)
      .set({ connectionNextCheckAt: nextCheckAt() })
      .where(
        and(
          eq(integrationSubmissions.id, row.id),
          eq(integrationSubmissions.connectionNextCheckAt, row.connectionNextCheckAt!),
        ),
      );
    if (claimed.affectedRows !== 1) continue;
    try {
      await recordCheck(row, null, await checkStored(row));
      ran++;
    } catch (error) {
      // An OAuth type whose tokens are gone has nothing to check until it is connected again
      // (connecting schedules it anew); anything else is tried at the next turn.
      if (error instanceof AppError && error.code === "not_connected") {
        await db()
          .update(integrationSubmissions)
          .set({ connectionNextCheckAt: null })
          .where(eq(integrationSubmissions.id, row.id));
      } else {
        log.warn({ err: describeError(error), submissionId: row.id }, "scheduled connection check failed");
      }
    }
  }
  return ran;
}

/** Starts the schedule (unless CONNECTION_CHECK_HOURS is 0); the returned function stops it. */
export function startConnectionChecks(hours: number): () => void {
  if (hours === 0) return () => {};
  const timer = setInterval(() => {
    checkDueConnections().catch((error: unknown) =>
      log.warn({ err: describeError(error) }, "scheduled connection checks skipped"),
    );
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

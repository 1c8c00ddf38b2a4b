// A message from the team to a request's owner without changing its status (a question, a
// heads-up): in the owner's history and in their inbox, through the outbox like every email.
import "server-only";
import { eq } from "drizzle-orm";
import { transaction } from "@/db/transaction";
import { integrationSubmissions as t } from "@/db/schema";
import type { AuthUser } from "@/lib/auth/user";
import { errors } from "@/lib/http/errors";
import { kickMailWorker } from "@/lib/mail/worker";
import { queueOwnerMessage } from "@/lib/mail/notifications";
import { recordEvents } from "./events";

/** POST /api/integrations/{id}/message (admin). */
export async function sendOwnerMessage(admin: AuthUser, id: number, message: string): Promise<void> {
  await transaction(async (tx) => {
    const [row] = await tx.select().from(t).where(eq(t.id, id)).limit(1);
    if (!row) throw errors.notFound();
    await recordEvents(tx, id, [
      { actor: admin, type: "message", details: { note: message } },
      ...(await queueOwnerMessage(tx, row, message)),
    ]);
  });
  kickMailWorker();
}

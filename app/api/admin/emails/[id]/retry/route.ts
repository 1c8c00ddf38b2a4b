// POST /api/admin/emails/[id]/retry – admin: put a failed (or waiting) email back at the front of the queue
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { errors } from "@/lib/http/errors";
import { parseId } from "@/lib/http/path-id";
import { requeue } from "@/lib/mail/outbox";
import { kickMailWorker } from "@/lib/mail/worker";
import { otherMethods } from "@/lib/http/fallbacks";

export const POST = route({ auth: "admin" }, async ({ params }) => {
  if (!(await requeue(parseId(params.id)))) throw errors.notFound("No failed or waiting email with this id");
  kickMailWorker();
  return ok({ message: "Email queued for another attempt" });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");

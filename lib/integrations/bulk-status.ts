// "Set status of everything matching this filter" (admin dashboard): each row goes through the
// same update as a single change (audit event, owner email), so bulk is bounded to keep one
// request reasonable; a larger set needs a narrower filter.
import "server-only";
import type { AuthUser } from "@/lib/auth/user";
import type { Status } from "@/db/schema";
import { errors } from "@/lib/http/errors";
import { eachIntegration, listQueries } from "./list-query";
import type { ListQuery } from "./schemas";
import { updateIntegration } from "./update";

export const BULK_LIMIT = 5_000;

export async function setStatusOfMatching(
  admin: AuthUser,
  filter: Omit<ListQuery, "limit" | "cursor">,
  status: Status,
): Promise<{ matched: number; updated: number }> {
  const queries = await listQueries({ all: true }, { ...filter, limit: 1 });
  const matched = queries ? await queries.total() : 0;
  if (matched > BULK_LIMIT) {
    throw errors.validation([
      { field: "filter", message: `matches ${matched} submissions; narrow it to at most ${BULK_LIMIT}` },
    ]);
  }
  let updated = 0;
  for await (const batch of eachIntegration({ all: true }, filter, 500)) {
    for (const row of batch) {
      if (row.status === status) continue;
      await updateIntegration(admin, row.id, { status }, { ifMatch: null });
      updated += 1;
    }
  }
  return { matched, updated };
}

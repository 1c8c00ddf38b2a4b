// GET /api/health – readiness: the app and its database answer.
import { route } from "@/lib/http/route";
import { ok } from "@/lib/http/respond";
import { errors } from "@/lib/http/errors";
import { pingDatabase } from "@/lib/health";
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = route({ auth: "public" }, async () => {
  if (!(await pingDatabase())) throw errors.dbUnavailable();
  return ok({ db: "ok" }, { headers: { "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

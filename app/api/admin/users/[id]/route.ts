// PATCH /api/admin/users/[id] – admin: disable a person (which also ends their sessions and
// tokens) or enable them again. Nobody disables themselves: an admin locked out by a slip would
// need the CLI to get back in.
import { z } from "zod";
import { setUserDisabled } from "@/lib/auth/accounts";
import { errors } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/fallbacks";
import { ok } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { parseId } from "@/lib/http/path-id";

const noSuchUser = () => errors.notFound("No user with this id");
const userPatch = z.object({ disabled: z.boolean({ error: "must be true or false" }) });

export const PATCH = route({ auth: "admin", body: userPatch }, async ({ user, body, params }) => {
  const id = parseId(params.id, noSuchUser);
  if (id === user.id && body.disabled)
    throw errors.conflict("You cannot disable your own account", "self_disable");
  if (!(await setUserDisabled(id, body.disabled))) throw noSuchUser();
  return ok({
    message: body.disabled ? "User disabled; their sessions and tokens have ended" : "User enabled",
  });
});

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");

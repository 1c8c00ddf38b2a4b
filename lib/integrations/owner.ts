// Whose submission this is. The original body carried userId/userEmail; they stay accepted for
// compatibility, but the owner is the caller unless an admin names another existing user.
import "server-only";
import { findUserByEmail, findUserById, normalizeEmail } from "@/lib/auth/accounts";
import { isAdmin, type AuthUser } from "@/lib/auth/user";
import { errors } from "@/lib/http/errors";
import type { SubmitBody } from "./schemas";

export interface Owner {
  id: number;
  email: string;
}

type Claim = { field: "userId" | "userEmail"; id: number } | { field: "userId" | "userEmail"; email: string };

function claims(body: Pick<SubmitBody, "userId" | "userEmail">): Claim[] {
  const found: Claim[] = [];
  if (body.userEmail) found.push({ field: "userEmail", email: normalizeEmail(body.userEmail) });
  if (typeof body.userId === "number") found.push({ field: "userId", id: body.userId });
  else if (body.userId && /^\d+$/.test(body.userId)) found.push({ field: "userId", id: Number(body.userId) });
  else if (body.userId) found.push({ field: "userId", email: normalizeEmail(body.userId) });
  return found;
}

const names = (claim: Claim, user: Owner) =>
  "id" in claim ? claim.id === user.id : claim.email === normalizeEmail(user.email);

/** Which of the body's userId/userEmail names someone other than `owner`, if any. */
export function namingOther(
  owner: Owner,
  body: Pick<SubmitBody, "userId" | "userEmail">,
): Claim["field"] | undefined {
  return claims(body).find((claim) => !names(claim, owner))?.field;
}

export async function resolveOwner(
  caller: AuthUser,
  body: Pick<SubmitBody, "userId" | "userEmail">,
): Promise<Owner> {
  const all = claims(body);
  const other = all.find((claim) => !names(claim, caller));
  if (!other) return { id: caller.id, email: caller.email };
  if (!isAdmin(caller)) throw errors.forbidden("You can only submit integrations for yourself");

  const user = "id" in other ? await findUserById(other.id) : await findUserByEmail(other.email);
  if (!user) throw errors.validation([{ field: other.field, message: "names no existing user" }]);
  const owner = { id: user.id, email: user.email };
  if (all.some((claim) => !names(claim, owner))) {
    throw errors.validation([{ field: "userId", message: "userId and userEmail name different users" }]);
  }
  return owner;
}

// The one way a route handler learns who is calling: a Bearer token (external clients) or the
// web session cookie. The user is re-read on every request, so disabling someone or changing a
// role takes effect at once.
import "server-only";
import { errors } from "@/lib/http/errors";
import { findUserById } from "./accounts";
import { verifyAccessToken } from "./tokens";
import { isAdmin, type AuthUser } from "./user";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export async function requireUser(req: Request): Promise<AuthUser> {
  const header = req.headers.get("authorization");
  if (!header) throw errors.unauthorized();
  const token = BEARER.exec(header)?.[1];
  const id = token ? await verifyAccessToken(token) : undefined;
  if (id === undefined) throw errors.unauthorized("Invalid or expired token");
  const user = await findUserById(id);
  if (!user || user.disabled) throw errors.unauthorized("Invalid or expired token");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function requireAdmin(req: Request): Promise<AuthUser> {
  const user = await requireUser(req);
  if (!isAdmin(user)) throw errors.forbidden("Admin role required");
  return user;
}

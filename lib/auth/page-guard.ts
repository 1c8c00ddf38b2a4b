// Pages guard themselves (proxy.ts is never the boundary): who is signed in, read fresh from the
// database so a disabled account or a changed role counts at once.
import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { env } from "@/lib/env";
import { findUserById } from "./accounts";
import { authOptions } from "./next-auth";
import { returnPath } from "./return-path";
import { isAdmin, type AuthUser } from "./user";

export async function currentUser(): Promise<AuthUser | undefined> {
  // Cookies first: with no session cookie there is nobody to look up, and reading them marks the
  // page as per-request, so `next build` never runs the auth setup (which needs secrets).
  const jar = await cookies();
  if (!jar.getAll().some((cookie) => cookie.name.endsWith("next-auth.session-token"))) return undefined;
  const session = await getServerSession(authOptions());
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const user = await findUserById(id);
  if (!user || user.disabled) return undefined;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<AuthUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in admin; anyone else signed in gets the 403 page. */
export async function requirePageAdmin(returnTo: string): Promise<AuthUser> {
  const user = await requirePageUser(returnTo);
  if (!isAdmin(user)) forbidden();
  return user;
}

/** Where a signed-in person starts: admins at the dashboard, everyone else at the catalog. */
export const homeOf = (user: AuthUser) => (isAdmin(user) ? "/admin" : "/integrations");

/**
 * Where the sign-in and sign-up pages send someone back to: `callbackUrl` when it is a path on
 * this app, else "/" (which leads a signed-in person on to their home). Someone already signed
 * in goes there at once, or straight home when the `callbackUrl` was refused.
 */
export async function returnTarget(callbackUrl: unknown): Promise<string> {
  const path = returnPath(callbackUrl, env().APP_URL);
  const user = await currentUser();
  if (user) redirect(path ?? homeOf(user));
  return path ?? "/";
}

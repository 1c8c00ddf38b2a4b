// next-auth's browser client, fetched when someone signs in or out rather than with every page:
// with the Babel runtime it brings, it is 14 KiB that the header's sign-out button would
// otherwise add to each first load (#15 holds first-load JS to at most 20 % growth).
import { warmResolvers } from "./lazy-resolver";

type NextAuthClient = typeof import("next-auth/react");

const load = () => import("next-auth/react");

export const signIn = (async (...args: Parameters<NextAuthClient["signIn"]>) =>
  (await load()).signIn(...args)) as NextAuthClient["signIn"];

export const signOut = (async (...args: Parameters<NextAuthClient["signOut"]>) =>
  (await load()).signOut(...args)) as NextAuthClient["signOut"];

/** Starts fetching what the sign-in and sign-up forms need, when one first takes the focus. */
export function warmSignIn() {
  warmResolvers();
  void load();
}

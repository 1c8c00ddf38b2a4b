// Sign-up, for the API and the web form alike: open only when ALLOW_SIGNUP (and passwords are in
// use at all), and rate limited per address so nobody can mass-create accounts.
import "server-only";
import { env } from "@/lib/env";
import { errors } from "@/lib/http/errors";
import { hit } from "@/lib/rate-limit";
import { createUser } from "./accounts";
import type { SignupBody } from "./schemas";
import type { AuthUser } from "./user";

const PER_ADDRESS = { max: 10, windowSeconds: 3600 };

/** Sign-up turned off answers 403 before anything sent is looked at (the route's `before`). */
export function requireSignupOpen(): void {
  if (!signupOpen()) throw errors.forbidden("Sign-up is disabled");
}

/** Whether a password account can be made here (the sign-up page asks too). */
export const signupOpen = () => env().ALLOW_SIGNUP && env().PASSWORD_SIGNIN;

/** Creates the account; the route has already refused it when sign-up is off (requireSignupOpen). */
export async function signUp(input: SignupBody, address: string): Promise<AuthUser> {
  const state = await hit(`signup:addr:${address}`, PER_ADDRESS);
  if (state.limited) throw errors.rateLimited(state.retryAfter);
  const user = await createUser(input);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

// npm run user:disable -- --email a@b.c [--enable]
// Locks a user out at once: sessions and API tokens stop working on their next request.
import { fail, hasFlag, option, run } from "./cli";
import { setUserDisabled } from "@/lib/auth/accounts";

run(async () => {
  const email = option("email");
  if (!email) fail("--email is required.");
  const disabled = !hasFlag("enable");
  if (!(await setUserDisabled(email, disabled))) fail(`No user with email ${email}.`);
  console.log(`✔ ${email} is ${disabled ? "disabled" : "enabled"}.`);
});

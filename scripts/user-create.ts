// npm run user:create -- --email a@b.c --password … [--role admin] [--name "Ann"]
// Creates the user, or updates password, role and name of an existing one (and re-enables it).
import { z } from "zod";
import { fail, option, run } from "./cli";
import { upsertUser } from "@/lib/auth/accounts";
import { newPassword } from "@/lib/auth/password-policy";

const args = z.object({
  email: z.email("must be an email address"),
  password: newPassword,
  role: z.enum(["user", "admin"], "must be user or admin").default("user"),
  name: z.string().min(1).max(255).optional(),
});

run(async () => {
  const parsed = args.safeParse({
    email: option("email"),
    password: option("password"),
    role: option("role"),
    name: option("name"),
  });
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; "));
  const user = await upsertUser(parsed.data);
  console.log(`✔ ${user.email} is an active ${user.role} (id ${user.id}).`);
});

// npm run db:ensure [-- --seed]: server reachable (or started locally), database created, migrated.
import { hasFlag, run } from "./cli";
import { env } from "@/lib/env";
import { ensureDatabase } from "@/lib/database/ensure";
import { databaseName } from "@/lib/database/admin";

run(async () => {
  const { DATABASE_URL } = env();
  await ensureDatabase(DATABASE_URL, console.log);
  console.log(`✔ Database ${databaseName(DATABASE_URL)} is migrated.`);
  if (hasFlag("seed")) {
    const { seed } = await import("@/lib/demo/seed");
    const { inserted } = await seed();
    console.log(`✔ Seeded the admin and demo user${inserted ? ` and ${inserted} demo submissions` : ""}.`);
  }
});

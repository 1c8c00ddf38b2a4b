// npm run db:migrate: apply drizzle/ to DATABASE_URL (which must exist; db:ensure creates it).
import { run } from "./cli";
import { env } from "@/lib/env";
import { databaseName, migrateDatabase } from "@/lib/database/admin";

run(async () => {
  const { DATABASE_URL } = env();
  await migrateDatabase(DATABASE_URL);
  console.log(`✔ Database ${databaseName(DATABASE_URL)} is migrated.`);
});

import { defineConfig } from "drizzle-kit";
import nextEnv from "@next/env";
import { env } from "./lib/env";

nextEnv.loadEnvConfig(process.cwd());

export default defineConfig({
  dialect: "mysql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  dbCredentials: { url: env().DATABASE_URL },
  strict: true,
  verbose: true,
});

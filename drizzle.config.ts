import { defineConfig } from "drizzle-kit";
import * as nextEnv from "@next/env";
import { env } from "./lib/env";

// drizzle-kit loads this file as CommonJS, tsx as ESM: @next/env's export sits in a different place in each.
const { loadEnvConfig } = (nextEnv as typeof nextEnv & { default?: typeof nextEnv }).default ?? nextEnv;
loadEnvConfig(process.cwd());

export default defineConfig({
  dialect: "mysql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  dbCredentials: { url: env().DATABASE_URL },
  strict: true,
  verbose: true,
});

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests run server modules directly; "server-only" guards against client bundles, not Node.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/database.ts"],
    // Each file gets a fresh module graph (its own env cache) but all share one throwaway database.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      ".next/",
      "node_modules/",
      ".data/",
      "drizzle/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // A stray console.log can print a credential; everything goes through lib/log.ts.
      "no-console": ["error", { allow: ["warn", "error"] }],
      // Libraries fetched only when used (#15 holds first-load JS to at most 20 % growth): a
      // static import would put them back into every page that reaches the importing module.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next-auth/react",
              message: "Use @/lib/client/auth-client: it fetches next-auth's client on sign-in or out.",
            },
            { name: "sonner", message: "Use @/components/ui/toast: it fetches sonner on the first toast." },
          ],
        },
      ],
    },
  },
  {
    // The toaster is sonner's one static importer: it is itself loaded on the first toast.
    files: ["components/ui/toaster.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["scripts/**", "tests/**", "e2e/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
);

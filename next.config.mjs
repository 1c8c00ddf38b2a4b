const production = process.env.NODE_ENV === "production";

// On every answer; pages also get a nonce-based Content-Security-Policy from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Nothing about the stack is anyone's business.
  poweredByHeader: false,
  // npm run bench builds into its own directory (.data/bench/next), so it never replaces the
  // build that a concurrent e2e run or `next start` is serving; its tsconfig extends ours,
  // which keeps next from rewriting tsconfig.json for that directory.
  distDir: process.env.BENCH_DIST_DIR || ".next",
  typescript: {
    tsconfigPath: process.env.BENCH_DIST_DIR ? "scripts/bench/tsconfig.build.json" : "tsconfig.json",
  },
  // Scripts and tests run with --conditions=react-server and import the same modules; keep
  // the native password hasher out of the bundle so both load the one prebuilt binary.
  serverExternalPackages: ["@node-rs/argon2", "pino"],
  // forbidden() and app/forbidden.tsx: a real 403 page for signed-in non-admins.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON never needs to load anything or be framed.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;

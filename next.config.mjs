/** @type {import('next').NextConfig} */
const nextConfig = {
  // Nothing about the stack is anyone's business.
  poweredByHeader: false,
  // Scripts and tests run with --conditions=react-server and import the same modules; keep
  // the native password hasher out of the bundle so both load the one prebuilt binary.
  serverExternalPackages: ["@node-rs/argon2", "pino"],
  // forbidden() and app/forbidden.tsx: a real 403 page for signed-in non-admins.
  experimental: { authInterrupts: true },
};

export default nextConfig;

// Next.js calls register() once per server process; the work lives in lib/server-start.ts, loaded
// only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server-start").then((m) => m.startServer());
}

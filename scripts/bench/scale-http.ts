// bench:scale through the HTTP API: the production build served as npm start serves it, signed in
// as the admin with a Bearer token, GET /api/integrations/all one request at a time.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../free-port";
import { productionServer } from "../production-node";
import { apiToken } from "./credentials";
import { ADMIN } from "./database";
import type { Fetcher } from "./scale-walk";
import { startServer, type Server } from "./server";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
// Its own build directory (see next.config.mjs), apart from npm run bench's, so the two never
// rebuild under each other.
const DIST = { BENCH_DIST_DIR: path.join(".data", "bench", "next-scale") };

/** Builds the app (unless `reuse` and a build is there) and serves it; the caller stops it. */
export async function startApp(environment: Record<string, string>, reuse: boolean): Promise<Server> {
  if (!(reuse && existsSync(path.join(DIST.BENCH_DIST_DIR, "BUILD_ID")))) {
    console.log("next build …");
    const build = spawnSync(process.execPath, [NEXT, "build"], {
      stdio: "inherit",
      env: { ...process.env, ...DIST },
    });
    if (build.status !== 0) throw new Error("next build failed; see above.");
  }
  const port = await freePort();
  const server = productionServer(port);
  return startServer({
    name: "app",
    ...server,
    env: { ...environment, ...DIST, ...server.env, APP_URL: `http://127.0.0.1:${port}` },
    port,
    readyPath: "/api/health",
  });
}

/** GET /api/integrations/all as the admin; a 400 carrying the narrowing hint is an answer too. */
export async function httpFetcher(app: Server): Promise<Fetcher> {
  const token = await apiToken(app.url, ADMIN);
  return async (params) => {
    const res = await fetch(`${app.url}/api/integrations/all?${new URLSearchParams(params)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as {
      nextCursor: string | null;
      prevCursor: string | null;
      code?: string;
      error?: string;
    };
    if (res.status === 400 && body.code === "search_too_broad")
      return { nextCursor: null, prevCursor: null, hint: body.error };
    if (!res.ok)
      throw new Error(
        `GET /api/integrations/all?${new URLSearchParams(params)} answered ${res.status}: ${JSON.stringify(body)}`,
      );
    return body;
  };
}

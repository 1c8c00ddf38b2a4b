// The framework floor: a Next.js app of the same version with one empty route handler and
// nothing else (no proxy.ts, no instrumentation, no headers config), written into
// .data/bench/bare-next, built once per Next version, and served by the same server as the app
// (scripts/server/start.mjs, the same number of processes), so the app's liveness route can be
// held to it. It resolves `next` from the project's node_modules, two folders up.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { RESULTS_DIR } from "./report";

export const BARE_DIR = path.join(RESULTS_DIR, "bare-next");
export const BARE_PATH = "/api/live";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ private: true, type: "module" }),
  "next.config.mjs": "export default {};\n",
  "app/api/live/route.js": "export const GET = () => Response.json({ success: true });\n",
};

const nextVersion = () =>
  (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve("next/package.json"), "utf8")) as {
      version: string;
    }
  ).version;

/** Writes and builds the bare app unless a build for this Next version is there; throws if the build fails. */
export function buildBareNext(): void {
  const stamp = path.join(BARE_DIR, ".next", "bench-next-version");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === nextVersion()) return;
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(BARE_DIR, file)), { recursive: true });
    writeFileSync(path.join(BARE_DIR, file), content);
  }
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const built = spawnSync(process.execPath, [next, "build", BARE_DIR], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error("next build of the bare app failed; see above.");
  writeFileSync(stamp, nextVersion());
}

// Development-only secrets: generated once per checkout and kept in the ignored .data/ folder,
// so `npm run dev` works with no .env at all. Never consulted when NODE_ENV=production.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DevSecrets {
  AUTH_SECRET: string;
  DATA_ENCRYPTION_KEY: string;
}

export function devSecretsPath(root = process.cwd()): string {
  return path.join(root, ".data", "dev-secrets.json");
}

export function loadDevSecrets(file = devSecretsPath()): DevSecrets {
  try {
    return JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as DevSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const fresh: DevSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: `dev1:${randomBytes(32).toString("base64")}`,
  };
  mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  try {
    // "wx": when several processes start at once, the first writer wins and the rest read its file.
    writeFileSync(/*turbopackIgnore: true*/ file, JSON.stringify(fresh, null, 2) + "\n", {
      flag: "wx",
      mode: 0o600,
    });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as DevSecrets;
  }
}

// Browser tests need Debian's Chromium (Playwright cannot download its own here). Install it
// when missing and we are allowed to; otherwise say exactly what to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function ensureBrowser(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install it (Debian/Ubuntu: sudo apt-get install -y chromium; elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary).`,
    );
  }
  console.log("Chromium is missing; installing Debian's chromium package …");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`);
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startServer } from "@/lib/server-start";
import { verifyPassword } from "@/lib/auth/password";
import { rawQuery, uniqueEmail } from "../helpers/raw-db";

const exec = promisify(execFile);
// tsx from node_modules directly: npx's own lookup adds seconds per call on a loaded machine.
const cli = (script: string, ...args: string[]) =>
  exec("node_modules/.bin/tsx", ["--conditions=react-server", `scripts/${script}.ts`, ...args], {
    env: process.env,
  });

const userRow = async (email: string) =>
  (
    await rawQuery<{ role: string; disabled: number; password_hash: string }>(
      "SELECT role, disabled, password_hash FROM users WHERE email = ?",
      [email],
    )
  )[0];

describe("admin bootstrap and the user CLI", () => {
  it("creates or updates the ADMIN_EMAIL admin at server start", async () => {
    await startServer();
    const admin = await userRow(process.env.ADMIN_EMAIL!);
    expect(admin?.role).toBe("admin");
    expect(await verifyPassword(admin!.password_hash, process.env.ADMIN_PASSWORD!)).toBe(true);
  });

  it("user:create makes a user or an admin; user:disable locks them out and --enable lets them back", async () => {
    const email = uniqueEmail("cli");
    const created = await cli(
      "user-create",
      "--email",
      email,
      "--password",
      "cli-password",
      "--role",
      "admin",
    );
    expect(created.stdout).toContain(`${email} is an active admin`);
    expect(await userRow(email)).toMatchObject({ role: "admin", disabled: 0 });

    await cli("user-disable", "--email", email);
    expect((await userRow(email))?.disabled).toBe(1);
    await cli("user-disable", "--email", email, "--enable");
    expect((await userRow(email))?.disabled).toBe(0);
  }, 60_000);

  it("refuses bad arguments with one clear line and exit code 1", async () => {
    const failure = await cli("user-create", "--email", "not-an-email", "--password", "short").catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      "✖ --email must be an email address; --password must be at least 8 characters",
    );
    const common = await cli("user-create", "--email", uniqueEmail("cli"), "--password", "password1").catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(common).toMatchObject({ code: 1 });
    expect((common as { stderr: string }).stderr.trim()).toBe(
      "✖ --password is one of the most common passwords: choose another",
    );
  }, 60_000);
});

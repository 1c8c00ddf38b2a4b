import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { loadDevSecrets } from "@/lib/dev-secrets";

const KEY = Buffer.alloc(32, 7).toString("base64");
const production = { NODE_ENV: "production", AUTH_SECRET: "s".repeat(32), DATA_ENCRYPTION_KEY: `k1:${KEY}` };

describe("environment", () => {
  it("accepts a complete production environment and fills documented defaults", () => {
    const env = parseEnv(production);
    expect(env.DATABASE_URL).toBe("mysql://root@127.0.0.1:3306/integrations");
    expect(env.DATA_ENCRYPTION_KEY).toEqual([{ id: "k1", key: Buffer.alloc(32, 7) }]);
    expect(env.ALLOW_SIGNUP).toBe(true);
    expect(env.TOKEN_TTL_SECONDS).toBe(3600);
    expect(env.ADMIN_EMAIL).toBeUndefined();
  });

  it("names each missing secret in production instead of inventing one", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      "Invalid environment: AUTH_SECRET is missing; DATA_ENCRYPTION_KEY is missing",
    );
  });

  it("rejects malformed values with a sentence that names the variable", () => {
    expect(() => parseEnv({ ...production, DATABASE_URL: "postgres://x/y" })).toThrow(
      /DATABASE_URL must be a mysql:\/\/ URL/,
    );
    expect(() => parseEnv({ ...production, AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET must be at least 32 characters/,
    );
    expect(() => parseEnv({ ...production, DATA_ENCRYPTION_KEY: "k1:tooshort" })).toThrow(
      /DATA_ENCRYPTION_KEY must be a comma list/,
    );
    expect(() => parseEnv({ ...production, DATA_ENCRYPTION_KEY: `a:${KEY},a:${KEY}` })).toThrow(
      /same key id twice/,
    );
    expect(() => parseEnv({ ...production, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => parseEnv({ ...production, TOKEN_TTL_SECONDS: "abc" })).toThrow(/TOKEN_TTL_SECONDS/);
    expect(() => parseEnv({ ...production, ADMIN_EMAIL: "a@b.co" })).toThrow(
      /ADMIN_PASSWORD and ADMIN_EMAIL must be set together/,
    );
    expect(() => parseEnv({ ...production, OIDC_ISSUER: "https://id.example.com" })).toThrow(
      /OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required/,
    );
    expect(() => parseEnv({ ...production, PASSWORD_SIGNIN: "false" })).toThrow(
      /PASSWORD_SIGNIN can be false only when OIDC_ISSUER is set/,
    );
    const sso = { OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "hub", OIDC_CLIENT_SECRET: "s" };
    expect(
      parseEnv({ ...production, ...sso, OIDC_ALLOWED_DOMAINS: "Example.com, b.io" }).OIDC_ALLOWED_DOMAINS,
    ).toEqual(["example.com", "b.io"]);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ ...production, SMTP_URL: "", DATABASE_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("orders the key ring newest last and sends notifications to the admin by default", () => {
    const env = parseEnv({
      ...production,
      DATA_ENCRYPTION_KEY: `old:${KEY}, new:${KEY}`,
      ADMIN_EMAIL: "boss@example.com",
      ADMIN_PASSWORD: "12345678",
    });
    expect(env.DATA_ENCRYPTION_KEY.map((k) => k.id)).toEqual(["old", "new"]);
    expect(env.NOTIFICATION_RECIPIENTS).toEqual(["boss@example.com"]);
    expect(
      parseEnv({ ...production, NOTIFICATION_RECIPIENTS: "a@x.io, b@y.io" }).NOTIFICATION_RECIPIENTS,
    ).toEqual(["a@x.io", "b@y.io"]);
  });

  it("outside production, generates dev secrets once and keeps them", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ih-env-")), ".data", "dev-secrets.json");
    const first = loadDevSecrets(file);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(loadDevSecrets(file)).toEqual(first);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first);
    expect(parseEnv({ NODE_ENV: "development", ...first }).ADMIN_EMAIL).toBe("admin@example.com");
  });
});

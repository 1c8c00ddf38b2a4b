// The validated environment. Parsed once on first use (not at import), so `next build` needs
// no secrets; instrumentation.ts calls env() at server start so a bad value fails fast.
import { z } from "zod";
import { loadDevSecrets } from "./dev-secrets";

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const DEV_ADMIN = { ADMIN_EMAIL: "admin@example.com", ADMIN_PASSWORD: "admin-password" };

const csv = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

const keyRing = z.string({ error: "is missing" }).transform((value, ctx): EncryptionKey[] => {
  const keys: EncryptionKey[] = [];
  for (const entry of csv(value)) {
    const match = /^([A-Za-z0-9_-]{1,16}):(.+)$/.exec(entry);
    const key = match ? Buffer.from(match[2]!, "base64") : undefined;
    if (!match || key?.length !== 32) {
      ctx.addIssue({
        code: "custom",
        message:
          "must be a comma list of <id>:<base64 of 32 bytes>, newest last (make one with: echo k1:$(openssl rand -base64 32))",
      });
      return z.NEVER;
    }
    keys.push({ id: match[1]!, key });
  }
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "must name at least one key" });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    ctx.addIssue({ code: "custom", message: "has the same key id twice" });
  }
  return keys;
});

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .url({
        protocol: /^mysql$/,
        error: "must be a mysql:// URL, e.g. mysql://root@127.0.0.1:3306/integrations",
      })
      .default("mysql://root@127.0.0.1:3306/integrations"),
    AUTH_SECRET: z.string({ error: "is missing" }).min(32, "must be at least 32 characters"),
    DATA_ENCRYPTION_KEY: keyRing,
    // Connections per app process; instances × this must stay under the server's max_connections.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    // How many proxies in front of the app append to X-Forwarded-For (see lib/auth/client-address.ts).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().min(3).default("Integrations Hub <no-reply@integrations-hub.local>"),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    NOTIFICATION_RECIPIENTS: z
      .string()
      .transform(csv)
      .pipe(z.array(z.email({ error: "must be a comma list of email addresses" })))
      .optional(),
    // Admin notifications of new requests wait this long and go out as one email per burst.
    NOTIFICATION_BATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    ALLOW_SIGNUP: z.stringbool().default(true),
    // Submits per user per minute (0: no limit, for load tests such as npm run bench).
    SUBMIT_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(60),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Optional: also accept tokens from another identity provider (see lib/auth/external-issuer.ts).
    EXTERNAL_JWT_ISSUER: z.string().min(1).optional(),
    EXTERNAL_JWT_AUDIENCE: z.string().min(1).optional(),
    EXTERNAL_JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    EXTERNAL_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    EXTERNAL_JWT_ROLE_CLAIM: z.string().min(1).default("role"),
    EXTERNAL_JWT_ADMIN_VALUE: z.string().min(1).default("admin"),
    // Optional: single sign-on through an OpenID Connect provider (see lib/auth/oidc.ts).
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's issuer URL" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
    OIDC_SCOPE: z.string().min(1).default("openid email profile"),
    OIDC_ADMIN_GROUP: z.string().min(1).optional(),
    OIDC_ALLOWED_DOMAINS: z
      .string()
      .transform((value) => csv(value).map((domain) => domain.toLowerCase()))
      .optional(),
    PASSWORD_SIGNIN: z.stringbool().default(true),
    // Provider checks may reach http and private addresses (tests' loopback fakes, on-premise).
    INTEGRATION_ALLOW_PRIVATE_URLS: z.stringbool().default(false),
    // Webhook endpoints may be http and private addresses (local testing only).
    WEBHOOK_ALLOW_PRIVATE_URLS: z.stringbool().default(false),
    // How often a checked connection is checked again, in hours (jittered; 0 turns it off).
    CONNECTION_CHECK_HOURS: z.coerce.number().min(0).max(720).default(24),
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    path: ["ADMIN_PASSWORD"],
    message: "and ADMIN_EMAIL must be set together",
  })
  .refine((e) => !e.EXTERNAL_JWT_ISSUER || e.EXTERNAL_JWT_AUDIENCE, {
    path: ["EXTERNAL_JWT_AUDIENCE"],
    message: "is required when EXTERNAL_JWT_ISSUER is set",
  })
  .refine(
    (e) => !e.EXTERNAL_JWT_ISSUER || Boolean(e.EXTERNAL_JWT_JWKS_URL) !== Boolean(e.EXTERNAL_JWT_SECRET),
    {
      path: ["EXTERNAL_JWT_JWKS_URL"],
      message: "or EXTERNAL_JWT_SECRET (exactly one) is required when EXTERNAL_JWT_ISSUER is set",
    },
  )
  .refine((e) => !e.OIDC_ISSUER || (e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET), {
    path: ["OIDC_CLIENT_ID"],
    message: "and OIDC_CLIENT_SECRET are required when OIDC_ISSUER is set",
  })
  .refine((e) => e.PASSWORD_SIGNIN || e.OIDC_ISSUER, {
    path: ["PASSWORD_SIGNIN"],
    message: "can be false only when OIDC_ISSUER is set (else nobody could sign in)",
  })
  .transform((e) => ({
    ...e,
    // Who hears about new requests: the configured list, else the bootstrap admin.
    NOTIFICATION_RECIPIENTS: e.NOTIFICATION_RECIPIENTS ?? (e.ADMIN_EMAIL ? [e.ADMIN_EMAIL] : []),
  }));

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws one EnvError whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in a .env file means "not set".
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const production = given.NODE_ENV === "production";
  const input = production ? given : { ...DEV_ADMIN, ...withDevSecrets(given), ...given };
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`,
  );
  throw new EnvError(`Invalid environment: ${[...new Set(problems)].join("; ")}`);
}

function withDevSecrets(given: Record<string, string | undefined>) {
  if (given.AUTH_SECRET && given.DATA_ENCRYPTION_KEY) return {};
  return loadDevSecrets();
}

let cached: Env | undefined;

export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

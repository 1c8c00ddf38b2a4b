// The one logger: JSON lines, secrets redacted by key wherever they appear in a logged object.
// LOG_FILE sends the lines to a file instead of stdout (tests read it back to prove redaction).
import pino from "pino";

const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "apiKey",
  "secret",
  "clientSecret",
  "authorization",
  "cookie",
  "data",
];

export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: undefined,
    redact: {
      paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
      censor: "[redacted]",
    },
  },
  process.env.LOG_FILE ? pino.destination({ dest: process.env.LOG_FILE, sync: true }) : undefined,
);

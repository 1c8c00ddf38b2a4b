// The service we replace, as a baseline: the Flask + SQLAlchemy reference in
// ../shared/peers/flask-service (or FLASK_SERVICE_DIR), served by its own run.sh (gunicorn, 2 sync
// workers) on its own database (ih_bench_flask_*, dropped afterwards), seeded with the same demo
// rows over the same owners as the app's, and measured alternately with the app. When its Debian
// packages are not installed, the benchmark says so in one line and goes on without it.
import { spawnSync } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { demoRow } from "@/lib/demo/demo-submissions";
import { createDatabase, dropDatabase, withDatabase } from "@/lib/database/admin";
import { freePort } from "../free-port";
import { apiToken } from "./credentials";
import { ADMIN } from "./database";
import { startServer, type Server } from "./server";

const SERVICE_DIR =
  process.env.FLASK_SERVICE_DIR ?? path.join(process.cwd(), "..", "shared", "peers", "flask-service");
const PACKAGES = "python3-flask python3-sqlalchemy python3-pymysql python3-jwt python3-cryptography gunicorn";
const OWNERS = 201;
const BATCH = 2_000;

/** Why the Flask baseline cannot run here, or undefined when it can. */
export function flaskMissing(): string | undefined {
  if (!existsSync(path.join(SERVICE_DIR, "run.sh")))
    return `no Flask service at ${SERVICE_DIR} (set FLASK_SERVICE_DIR)`;
  const missing = `its packages are missing (apt-get install ${PACKAGES})`;
  const gunicorn = spawnSync("sh", ["-c", "command -v gunicorn"], { encoding: "utf8" }).stdout.trim();
  if (!gunicorn) return missing;
  // The modules must be there for the Python that gunicorn runs, which need not be the first on PATH.
  const python = /^#!\s*(\S+)/.exec(readFileSync(gunicorn, "utf8").split("\n")[0] ?? "")?.[1] ?? "python3";
  const probe = spawnSync(python, ["-c", "import flask, sqlalchemy, pymysql, jwt, cryptography"], {
    stdio: "ignore",
  });
  return probe.status === 0 ? undefined : missing;
}

export interface Flask {
  server: Server;
  token: string;
  ids: { min: number; max: number };
  close(): Promise<void>;
}

/** Starts the Flask service on a fresh database with `rows` demo submissions. */
export async function startFlask(serverUrl: string, rows: number): Promise<Flask> {
  const url = withDatabase(serverUrl, `ih_bench_flask_${randomBytes(3).toString("hex")}`);
  await createDatabase(url);
  const key = randomBytes(32);
  let server: Server | undefined;
  try {
    const port = await freePort();
    server = await startServer({
      name: "flask",
      command: path.join(SERVICE_DIR, "run.sh"),
      args: [],
      env: {
        PORT: String(port),
        DATABASE_URL: url,
        DATA_KEY: key.toString("base64"),
        JWT_SECRET: randomBytes(32).toString("base64url"),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        // Its optional indexes for the default sorts: the strongest baseline it offers.
        EXTRA_INDEXES: "1",
      },
      port,
      readyPath: "/api/health",
    });
    const ids = await seedFlask(url, key, rows);
    const token = await apiToken(server.url, ADMIN);
    const started = server;
    return {
      server: started,
      token,
      ids,
      close: async () => {
        await started.stop();
        await dropDatabase(url);
      },
    };
  } catch (error) {
    await server?.stop();
    await dropDatabase(url);
    throw error;
  }
}

/** Its envelope: "v1:<key id>:" + base64(iv | ciphertext | tag), as Python's AESGCM writes it. */
function encrypt(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([
    iv,
    cipher.update(JSON.stringify(value), "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `v1:k1:${sealed.toString("base64")}`;
}

async function seedFlask(url: string, key: Buffer, rows: number): Promise<{ min: number; max: number }> {
  const connection = await mysql.createConnection({ uri: url, timezone: "Z" });
  try {
    const now = new Date();
    const owners = Array.from({ length: OWNERS }, (_, i) => [
      `user${String(i + 1).padStart(3, "0")}@example.test`,
      `Recruiter ${i + 1}`,
      "unused",
      "user",
      0,
      now,
    ]);
    await connection.query(
      "INSERT INTO users (email, name, password_hash, role, disabled, created_at) VALUES ?",
      [owners],
    );
    const [users] = await connection.query<mysql.RowDataPacket[]>(
      "SELECT id, email FROM users WHERE role = 'user' ORDER BY id",
    );
    for (let done = 0; done < rows; done += BATCH) {
      const values = Array.from({ length: Math.min(BATCH, rows - done) }, (_, i) => {
        const n = done + i;
        const row = demoRow(n, now.getTime());
        const owner = users[n % users.length]!;
        return [
          owner.id,
          owner.email,
          row.integrationType,
          row.integrationName,
          row.status,
          encrypt(key, row.data),
          row.callbackUrl,
          row.source,
          1,
          row.submittedAt,
          row.updatedAt,
        ];
      });
      await connection.query(
        "INSERT INTO integration_submissions (user_id, user_email, integration_type, integration_name, status, data, callback_url, source, saved_to_server, submitted_at, updated_at) VALUES ?",
        [values],
      );
    }
    const [[range]] = await connection.query<mysql.RowDataPacket[]>(
      "SELECT MIN(id) AS min, MAX(id) AS max FROM integration_submissions",
    );
    return { min: Number(range!.min), max: Number(range!.max) };
  } finally {
    await connection.end();
  }
}

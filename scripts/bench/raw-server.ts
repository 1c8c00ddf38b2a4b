// The floor of Node + MySQL for S1–S5: node:http and a mysql2 pool issuing the app's SQL with the
// app's crypto (the HS256 token verified with jose, the caller re-read from users, data sealed
// and opened by lib/crypto/data-cipher, rows masked by the app's own serializer), and nothing in
// between: no framework, ORM or schema validation. It handles exactly the requests the scenarios
// send. Started by scripts/bench/run.ts with the app's environment, PORT and WEB_CONCURRENCY: like
// npm start, one process per core on one port (node:cluster).
import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import { jwtVerify } from "jose";
import type { ResultSetHeader, RowDataPacket } from "mysql2/promise";
import { createPool } from "@/db/client";
import type { User } from "@/db/schema";
import { openData, sealData, type JsonObject } from "@/lib/crypto/data-cipher";
import { env } from "@/lib/env";
import { keepMaskedSecrets } from "@/lib/integrations/mask-secrets";
import { toIntegrationDto, type ShownColumns } from "@/lib/integrations/serialize";

const pool = createPool(env().DATABASE_URL);
const secret = new TextEncoder().encode(env().AUTH_SECRET);

// The columns Drizzle selects, under the names the serializer reads.
const COLUMNS = `id, user_id AS userId, user_email AS userEmail, integration_type AS integrationType,
  integration_name AS integrationName, status, data, callback_url AS callbackUrl, source,
  saved_to_server = 1 AS savedToServer, version, submitted_at AS submittedAt, updated_at AS updatedAt`;
const SORTS: Record<string, string> = { "-submittedAt": "submitted_at", "-updatedAt": "updated_at" };

type Row = ShownColumns & { version: number } & RowDataPacket;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<JsonObject> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as JsonObject;
}

async function caller(req: IncomingMessage): Promise<User> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!token) throw new HttpError(401, "Unauthorized");
  const { payload } = await jwtVerify(token, secret, {
    algorithms: ["HS256"],
    requiredClaims: ["sub", "exp"],
  }).catch(() => {
    throw new HttpError(401, "Invalid or expired token");
  });
  // The fields read below (id, email, name, role, disabled) are named as their columns are.
  const [[user]] = await pool.query<(User & RowDataPacket)[]>("SELECT * FROM users WHERE id = ? LIMIT 1", [
    Number(payload.sub),
  ]);
  if (!user || user.disabled) throw new HttpError(401, "Invalid or expired token");
  return user;
}

const visible = (user: User) => (user.role === "admin" ? "id = ?" : "id = ? AND user_id = ?");
const visibleParams = (user: User, id: number) => (user.role === "admin" ? [id] : [id, user.id]);

async function list(url: URL) {
  const status = url.searchParams.get("status");
  const where = status ? "WHERE status = ?" : "";
  const params = status ? [status] : [];
  const order = SORTS[url.searchParams.get("sort") ?? "-submittedAt"] ?? "submitted_at";
  const page = Number(url.searchParams.get("limit") ?? 100);
  const [[rows], [[total]]] = await Promise.all([
    pool.query<Row[]>(
      `SELECT ${COLUMNS} FROM integration_submissions ${where} ORDER BY ${order} DESC, id DESC LIMIT ?`,
      [...params, page + 1],
    ),
    // The app's count for a status (or no) filter: a sum over submission_counts.
    pool.query<({ n: number } & RowDataPacket)[]>(
      `SELECT COALESCE(SUM(n), 0) AS n FROM submission_counts ${where}`,
      params,
    ),
  ]);
  return {
    success: true,
    integrations: rows.slice(0, page).map((row) => toIntegrationDto(row)),
    count: total?.n ?? 0,
  };
}

async function getOne(user: User, id: number) {
  const [[row]] = await pool.query<Row[]>(
    `SELECT ${COLUMNS} FROM integration_submissions WHERE ${visible(user)} LIMIT 1`,
    visibleParams(user, id),
  );
  if (!row) throw new HttpError(404, "Not found");
  return { body: { success: true, integration: toIntegrationDto(row) }, etag: `"${row.version}"` };
}

async function transaction<T>(work: (query: typeof pool.query) => Promise<T>): Promise<T> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const result = await work(connection.query.bind(connection) as typeof pool.query);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

const EVENT =
  "INSERT INTO integration_events (submission_id, type, actor_id, actor_email, details) VALUES (?, ?, ?, ?, ?)";

async function submit(user: User, body: JsonObject) {
  const { integrationType, integrationName, data } = body as {
    integrationType: string;
    integrationName: string;
    data: JsonObject;
  };
  const status = typeof body.status === "string" ? body.status : "pending";
  return transaction(async (query) => {
    const [inserted] = await query<ResultSetHeader>(
      "INSERT INTO integration_submissions (user_id, user_email, integration_type, integration_name, status, data, callback_url, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [
        user.id,
        user.email,
        integrationType,
        integrationName,
        status,
        sealData(data),
        body.callbackUrl ?? null,
        body.source ?? null,
      ],
    );
    const id = inserted.insertId;
    await query(EVENT, [id, "created", user.id, user.email, JSON.stringify({ to: status })]);
    await query(
      "INSERT INTO submission_counts (status, integration_type, n) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE n = n + 1",
      [status, integrationType],
    );
    await query(
      "INSERT INTO submission_groups (user_id, user_email, integration_type, integration_name, status, n) VALUES (?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE n = n + 1",
      [user.id, user.email, integrationType, integrationName, status],
    );
    const { NOTIFICATION_RECIPIENTS, APP_URL } = env();
    for (const recipient of NOTIFICATION_RECIPIENTS) {
      const props = {
        integrationName,
        integrationType,
        userEmail: user.email,
        userName: user.name,
        status,
        submissionId: id,
        dashboardUrl: new URL(`/admin/${id}`, APP_URL).toString(),
      };
      // Due tomorrow: the same write as the app's, but the app's mail worker (same database)
      // must not spend the app process's CPU rendering this server's emails during the run.
      await query(
        "INSERT INTO email_outbox (template, recipient, subject, props, submission_id, next_attempt_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL 1 DAY)",
        [
          "integration_request",
          recipient,
          `New integration request: ${integrationName}`,
          JSON.stringify(props),
          id,
        ],
      );
      await query(EVENT, [
        id,
        "email_queued",
        null,
        null,
        JSON.stringify({ template: "integration_request", recipient }),
      ]);
    }
    return { success: true, id, message: `${integrationName} integration submitted successfully` };
  });
}

async function update(user: User, id: number, body: JsonObject) {
  await transaction(async (query) => {
    const [[row]] = await query<Row[]>(
      `SELECT ${COLUMNS} FROM integration_submissions WHERE ${visible(user)} LIMIT 1 FOR UPDATE`,
      visibleParams(user, id),
    );
    if (!row) throw new HttpError(404, "Not found");
    const stored = openData(row.data);
    const data = keepMaskedSecrets(body.data as JsonObject, stored);
    const fields = [...new Set([...Object.keys(stored), ...Object.keys(data)])]
      .filter((key) => JSON.stringify(stored[key]) !== JSON.stringify(data[key]))
      .sort();
    if (fields.length === 0) return;
    const [result] = await query<ResultSetHeader>(
      "UPDATE integration_submissions SET data = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND version = ?",
      [sealData(data), row.id, row.version],
    );
    if (result.affectedRows !== 1) throw new HttpError(409, "stale_version");
    await query(EVENT, [row.id, "updated", user.id, user.email, JSON.stringify({ fields })]);
  });
  return { success: true, message: "Integration updated successfully" };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/api/health/live") return send(res, 200, { success: true });
  const user = await caller(req);
  if (req.method === "POST" && url.pathname === "/api/integrations/submit")
    return send(res, 201, await submit(user, await readJson(req)));
  if (req.method === "GET" && url.pathname === "/api/integrations/all") {
    if (user.role !== "admin") throw new HttpError(403, "Admin role required");
    return send(res, 200, await list(url));
  }
  const one = /^\/api\/integrations\/(\d+)(\/update)?$/.exec(url.pathname);
  if (one && req.method === "GET" && !one[2]) {
    const { body, etag } = await getOne(user, Number(one[1]));
    return send(res, 200, body, { etag, "cache-control": "private, no-cache" });
  }
  if (one && req.method === "PUT" && one[2])
    return send(res, 200, await update(user, Number(one[1]), await readJson(req)));
  throw new HttpError(404, "Not found");
}

const workers = Number(process.env.WEB_CONCURRENCY) || os.availableParallelism();
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    process.exit(0);
  });
} else {
  createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError)
        return send(res, error.status, { success: false, error: error.message });
      console.error(error);
      send(res, 500, { success: false, error: "Internal error" });
    });
  }).listen(Number(process.env.PORT), "127.0.0.1");
}

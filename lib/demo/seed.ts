// Seeding: the bootstrap admin, a demo user, and demo submissions (a small realistic set once,
// or N more rows on request, inserted in large multi-row batches).
import { count, eq, like } from "drizzle-orm";
import { db, pool } from "@/db";
import { integrationEvents, integrationSubmissions, users } from "@/db/schema";
import { env } from "@/lib/env";
import { upsertUser } from "@/lib/auth/accounts";
import { hashPassword } from "@/lib/auth/password";
import { sealData } from "@/lib/crypto/data-cipher";
import { catalogEntry, typeName } from "@/lib/integrations/catalog";
import { demoRow } from "./demo-submissions";

export const DEMO_USER = { email: "demo@example.com", password: "demo-password", name: "Dana Demo" };
const DEMO_SET_SIZE = 60;
const BULK_OWNERS = 200;
const BATCH = 2_000;

interface Owner {
  id: number;
  email: string;
}

export async function seed(
  options: { rows?: number; onProgress?: (done: number, total: number) => void } = {},
) {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  const admin =
    ADMIN_EMAIL && ADMIN_PASSWORD
      ? await upsertUser({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, role: "admin", name: "Admin" })
      : undefined;
  const demo = await upsertUser({ ...DEMO_USER, role: "user" });

  if (options.rows === undefined) {
    const [existing] = await db().select({ n: count() }).from(integrationSubmissions);
    if (existing!.n > 0) return { inserted: 0 };
    await insertRows(DEMO_SET_SIZE, [demo], options.onProgress);
    await insertHistory(demo, admin);
    await checkDemoConnections();
    return { inserted: DEMO_SET_SIZE };
  }
  await insertRows(options.rows, [demo, ...(await bulkOwners())], options.onProgress);
  return { inserted: options.rows };
}

/**
 * The demo set's history, as the app would have written it: the owner's submit, then the admin's
 * status change for every request that has moved on. (The bulk rows of --rows go without.)
 */
async function insertHistory(demo: Owner, admin: Owner | undefined) {
  const rows = await db()
    .select({
      id: integrationSubmissions.id,
      status: integrationSubmissions.status,
      submittedAt: integrationSubmissions.submittedAt,
      updatedAt: integrationSubmissions.updatedAt,
    })
    .from(integrationSubmissions);
  const events = rows.flatMap((row) => [
    {
      submissionId: row.id,
      type: "created" as const,
      actorId: demo.id,
      actorEmail: demo.email,
      details: { to: "pending" },
      createdAt: row.submittedAt,
    },
    ...(row.status === "pending"
      ? []
      : [
          {
            submissionId: row.id,
            type: "status_changed" as const,
            actorId: admin?.id ?? null,
            actorEmail: admin?.email ?? null,
            details: { from: "pending", to: row.status },
            createdAt: row.updatedAt,
          },
        ]),
  ]);
  if (events.length > 0) await db().insert(integrationEvents).values(events);
}

/** Many owners make user filters realistic; they share one password hash to keep seeding fast. */
async function bulkOwners(): Promise<Owner[]> {
  const passwordHash = await hashPassword(DEMO_USER.password);
  const values = Array.from({ length: BULK_OWNERS }, (_, i) => ({
    email: `user${String(i + 1).padStart(3, "0")}@example.test`,
    name: `Recruiter ${i + 1}`,
    passwordHash,
  }));
  await db().insert(users).ignore().values(values);
  return db()
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(like(users.email, "user%@example.test"));
}

/**
 * Some of the demo set's connections as checks would have left them: most working, a few refused
 * or needing to be connected again, so the Connection column, "Needs attention" and the request
 * pages have something to show.
 */
async function checkDemoConnections() {
  const rows = await db()
    .select({ id: integrationSubmissions.id, type: integrationSubmissions.integrationType })
    .from(integrationSubmissions);
  for (const [i, row] of rows.entries()) {
    const name = typeName(row.type);
    const checked =
      catalogEntry(row.type)?.auth === "credentials"
        ? i % 5 === 0
          ? {
              connectionStatus: "failed" as const,
              connectionMessage: `${name} answered 401: the credentials were refused`,
            }
          : { connectionStatus: "ok" as const, connectionMessage: `${name} accepted the credentials` }
        : catalogEntry(row.type)?.auth === "oauth" && i % 4 === 0
          ? {
              connectionStatus: "needs_reauth" as const,
              connectionMessage: `${name} answered 400 (invalid_grant) when renewing access: connect again`,
            }
          : undefined;
    if (!checked) continue;
    await db()
      .update(integrationSubmissions)
      .set({ ...checked, connectionCheckedAt: new Date(Date.now() - (i % 48) * 3_600_000) })
      .where(eq(integrationSubmissions.id, row.id));
  }
}

async function insertRows(
  total: number,
  owners: Owner[],
  onProgress?: (done: number, total: number) => void,
) {
  const now = Date.now();
  const offset = Math.floor(Math.random() * 1_000_000);
  for (let done = 0; done < total;) {
    const size = Math.min(BATCH, total - done);
    const rows = Array.from({ length: size }, (_, i) => {
      const n = offset + done + i;
      return { row: demoRow(n, now), owner: owners[n % owners.length]! };
    });
    const values = rows.map(({ row, owner }) => [
      owner.id,
      owner.email,
      row.integrationType,
      row.integrationName,
      row.status,
      sealData(row.data),
      row.callbackUrl,
      row.source,
      row.submittedAt,
      row.updatedAt,
    ]);
    const groups = tally(rows, ({ row, owner }) => [
      owner.id,
      owner.email,
      row.integrationType,
      row.integrationName,
      row.status,
    ]);
    const counts = tally(rows, ({ row }) => [row.status, row.integrationType]);
    // One multi-row INSERT per batch (the fastest portable way in, ~100x a row at a time), and
    // the batch's counts, in one transaction so submission_counts and submission_groups stay exact.
    const connection = await pool().getConnection();
    try {
      await connection.beginTransaction();
      await connection.query(
        "INSERT INTO integration_submissions (user_id, user_email, integration_type, integration_name, status, data, callback_url, source, submitted_at, updated_at) VALUES ?",
        [values],
      );
      // VALUES(n) is deprecated in MySQL 8.0.20+ but still works, and MariaDB has no row alias.
      await connection.query(
        "INSERT INTO submission_counts (status, integration_type, n) VALUES ? ON DUPLICATE KEY UPDATE n = n + VALUES(n)",
        [counts],
      );
      await connection.query(
        "INSERT INTO submission_groups (user_id, user_email, integration_type, integration_name, status, n) VALUES ? ON DUPLICATE KEY UPDATE n = n + VALUES(n)",
        [groups],
      );
      await connection.commit();
    } catch (error) {
      await connection.rollback().catch(() => {});
      throw error;
    } finally {
      connection.release();
    }
    done += size;
    onProgress?.(done, total);
  }
}

/** [...key, how many items have it] for each distinct key. */
function tally<T>(items: T[], keyOf: (item: T) => (string | number)[]): (string | number)[][] {
  const tallies = new Map<string, (string | number)[]>();
  for (const item of items) {
    const key = keyOf(item);
    const id = key.join("\u0000");
    const entry = tallies.get(id) ?? [...key, 0];
    entry[key.length] = Number(entry[key.length]) + 1;
    tallies.set(id, entry);
  }
  return [...tallies.values()];
}

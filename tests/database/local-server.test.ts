import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { ensureDatabase } from "@/lib/database/ensure";
import { isAnswering } from "@/lib/database/local-server";
import { freePort } from "@/scripts/free-port";

describe("the embedded default database", () => {
  it("starts a project-local server from the machine's binary when nothing answers, then creates and migrates", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "ih-local-db-"));
    const url = `mysql://root@127.0.0.1:${port}/ih_local`;
    expect(await isAnswering(url)).toBe(false);
    const lines: string[] = [];
    const server = await ensureDatabase(url, (line) => lines.push(line), dataDir);
    try {
      expect(server?.port).toBe(port);
      expect(lines[0]).toMatch(
        /No database server answers at 127\.0\.0\.1:\d+; starting a project-local one/,
      );
      const connection = await mysql.createConnection({ uri: url });
      const [tables] = await connection.query<mysql.RowDataPacket[]>("SHOW TABLES");
      await connection.end();
      expect(tables.map((t) => Object.values(t)[0])).toEqual(
        expect.arrayContaining(["users", "integration_submissions", "email_outbox"]),
      );
      // A second run finds it answering and changes nothing.
      expect(await ensureDatabase(url, () => {}, dataDir)).toBeUndefined();
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(await isAnswering(url)).toBe(false);
  }, 90_000);
});

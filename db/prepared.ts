// A hot statement built once per database instance instead of on every call: building a query
// (drizzle's column and SQL objects) costs more CPU than mysql2 spends sending it.
import "server-only";
import { db } from "./index";
import type { Db } from "./client";

export function prepared<T>(build: (database: Db) => T): () => T {
  const statements = new WeakMap<Db, T>();
  return () => {
    const database = db();
    let statement = statements.get(database);
    if (!statement) {
      statement = build(database);
      statements.set(database, statement);
    }
    return statement;
  };
}

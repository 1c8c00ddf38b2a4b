// A transaction that is tried again when it loses a deadlock (retryDeadlocks): normal under
// concurrent inserts and index-range locks, and on Galera whenever two nodes change one row.
import "server-only";
import { db } from "./index";
import { retryDeadlocks } from "./retry-deadlocks";

type Db = ReturnType<typeof db>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Config = Parameters<Db["transaction"]>[1];

export async function transaction<T>(work: (tx: Tx) => Promise<T>, config?: Config): Promise<T> {
  return retryDeadlocks(() => db().transaction(work, config));
}

// A transaction that is tried again when InnoDB picks it as a deadlock victim: deadlocks are
// normal under concurrent inserts and index-range locks (InnoDB's own advice is to retry), and
// the victim was rolled back whole, so running it again is safe.
import "server-only";
import { db } from "./index";
import { hasErrorCode } from "./errors";

type Db = ReturnType<typeof db>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Config = Parameters<Db["transaction"]>[1];

const ATTEMPTS = 4;

export async function transaction<T>(work: (tx: Tx) => Promise<T>, config?: Config): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().transaction(work, config);
    } catch (error) {
      if (attempt >= ATTEMPTS || !hasErrorCode(error, "ER_LOCK_DEADLOCK")) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

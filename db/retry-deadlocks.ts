// Running again what lost a deadlock: whole transactions (db/transaction.ts) and the pool's
// single statements (db/client.ts).
import { hasErrorCode } from "./errors";

// Eight tries, the waits growing from ~10 ms to ~640 ms with jitter (1.3 s at most in all): on
// Galera, two dozen concurrent changes of one row through three nodes each lose several rounds
// of certification before their turn (four tries left some of them a 500).
const ATTEMPTS = 8;

/**
 * Runs `work` again when it lost a deadlock: InnoDB picked it as the victim, or on Galera another
 * node changed the same rows first and the commit failed certification. Either way it was rolled
 * back whole, so running it again is safe (InnoDB's and Galera's own advice).
 */
export async function retryDeadlocks<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !hasErrorCode(error, "ER_LOCK_DEADLOCK")) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

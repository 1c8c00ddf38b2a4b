// Writes that record what already happened outside the database (an email handed to SMTP, a
// webhook answered 2xx): if the database is away for a moment, keep trying for as long as the
// claim's lock holds, or another worker would take the row back and do it a second time.
import "server-only";

/** Runs `work` until it succeeds, waiting longer between tries; its last error after `forMs`. */
export async function keepTrying<T>(work: () => Promise<T>, forMs: number): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

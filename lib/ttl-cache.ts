// A value recomputed at most once per `ttlMs` per process, for numbers that may be a few seconds
// old (dashboard overviews), never for anything an API answer promises to be current.
export function cached<T>(ttlMs: number, compute: () => Promise<T>): () => Promise<T> {
  let entry: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!entry || Date.now() - entry.at > ttlMs) {
      const value = compute();
      entry = { at: Date.now(), value };
      // A failure is not kept: the next call tries again.
      value.catch(() => (entry = undefined));
    }
    return entry.value;
  };
}

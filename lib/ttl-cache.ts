// A value shared for `ttlMs` per process and then refreshed in the background while the old one
// is still served (stale-while-revalidate), so a busy page never waits for it. Served stale only
// up to `maxStaleMs`: after a quiet spell (or refreshes that kept failing) the next caller waits
// for a fresh value rather than seeing one from hours ago. For numbers that may be a few seconds
// old (dashboard overviews), never for anything an API answer promises to be current.
export function cached<T>(
  ttlMs: number,
  compute: () => Promise<T>,
  maxStaleMs = ttlMs * 6,
): () => Promise<T> {
  let value: Promise<T> | undefined;
  let at = 0;
  let refreshing = false;
  const start = () => {
    at = Date.now();
    const first = compute();
    value = first;
    // A failure is not kept: the next call tries again.
    first.catch(() => (value = value === first ? undefined : value));
    return first;
  };
  return () => {
    const age = Date.now() - at;
    if (!value || age > maxStaleMs) return start();
    if (age > ttlMs && !refreshing) {
      refreshing = true;
      compute()
        .then((fresh) => {
          value = Promise.resolve(fresh);
          at = Date.now();
        })
        .catch(() => undefined)
        .finally(() => (refreshing = false));
    }
    return value;
  };
}

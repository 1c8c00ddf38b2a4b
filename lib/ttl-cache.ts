// A value shared for `ttlMs` per process and then refreshed in the background while the old one
// is still served (stale-while-revalidate), so only the very first caller waits for it. For
// numbers that may be a few seconds old (dashboard overviews), never for anything an API answer
// promises to be current.
export function cached<T>(ttlMs: number, compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  let at = 0;
  let refreshing = false;
  return () => {
    if (!value) {
      at = Date.now();
      const first = compute();
      value = first;
      // A failure is not kept: the next call tries again.
      first.catch(() => (value = value === first ? undefined : value));
      return first;
    }
    if (Date.now() - at > ttlMs && !refreshing) {
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

// Mixed load for the soak: many clients submitting, listing, reading and changing their own
// requests as fast as answers come, until a deadline; every acknowledged submit id is kept, and
// when each answer ≥ 500 or network error happened. Each submit is named uniquely and sent with
// an Idempotency-Key; with `retrySubmits` a client sends a submit that failed again under the
// same key, as a careful client does while a node or an instance is being replaced.
export interface LoadResult {
  statuses: Map<number, number>;
  networkErrors: number;
  acknowledged: number[];
  /** Epoch ms of every answer ≥ 500 and every network error. */
  failures: number[];
}

const RETRIES = 5;

export async function mixedLoad(options: {
  baseUrl: string;
  token: string;
  connections: number;
  until: number;
  retrySubmits?: boolean;
}): Promise<LoadResult> {
  const result: LoadResult = { statuses: new Map(), networkErrors: 0, acknowledged: [], failures: [] };
  const headers = { authorization: `Bearer ${options.token}`, "content-type": "application/json" };
  const count = (status: number) => {
    result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
    if (status >= 500) result.failures.push(Date.now());
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

  async function submit(n: number, i: number) {
    const body = JSON.stringify({
      integrationType: "lever",
      integrationName: `Soak ${n}-${i}`,
      data: { apiKey: `soak-${n}-${i}-key` },
    });
    const key = `soak-${n}-${i}`;
    for (let attempt = 0; attempt <= (options.retrySubmits ? RETRIES : 0); attempt++) {
      try {
        const response = await fetch(`${options.baseUrl}/api/integrations/submit`, {
          method: "POST",
          headers: { ...headers, "idempotency-key": key },
          body,
        });
        count(response.status);
        const answer = (await response.json().catch(() => ({}))) as { id?: number };
        if (response.status === 201 && answer.id) result.acknowledged.push(answer.id);
        if (response.status < 500) return;
      } catch {
        result.networkErrors += 1;
        result.failures.push(Date.now());
      }
      await pause();
    }
  }

  async function client(n: number) {
    for (let i = 0; Date.now() < options.until; i++) {
      const kind = (n + i) % 5;
      if (kind < 2) {
        await submit(n, i);
        continue;
      }
      try {
        if (kind === 2 || result.acknowledged.length === 0) {
          const response = await fetch(`${options.baseUrl}/api/integrations?limit=20`, { headers });
          count(response.status);
          await response.arrayBuffer();
        } else {
          const id = result.acknowledged[(n * 7919 + i) % result.acknowledged.length];
          const response =
            kind === 3
              ? await fetch(`${options.baseUrl}/api/integrations/${id}`, { headers })
              : await fetch(`${options.baseUrl}/api/integrations/${id}/update`, {
                  method: "PUT",
                  headers,
                  body: JSON.stringify({ data: { apiKey: `soak-${n}-${i}-new-key` } }),
                });
          count(response.status);
          await response.arrayBuffer();
        }
      } catch {
        result.networkErrors += 1;
        result.failures.push(Date.now());
        await pause();
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, (_, n) => client(n)));
  return result;
}

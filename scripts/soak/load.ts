// Mixed load for the soak: many clients submitting, listing, reading and changing their own
// requests as fast as answers come, until a deadline; every acknowledged submit id is kept.
export interface LoadResult {
  statuses: Map<number, number>;
  networkErrors: number;
  acknowledged: number[];
}

export async function mixedLoad(options: {
  baseUrl: string;
  token: string;
  connections: number;
  until: number;
}): Promise<LoadResult> {
  const result: LoadResult = { statuses: new Map(), networkErrors: 0, acknowledged: [] };
  const headers = { authorization: `Bearer ${options.token}`, "content-type": "application/json" };
  const count = (status: number) => result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);

  async function client(n: number) {
    for (let i = 0; Date.now() < options.until; i++) {
      const kind = (n + i) % 5;
      try {
        if (kind < 2) {
          const response = await fetch(`${options.baseUrl}/api/integrations/submit`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              integrationType: "lever",
              integrationName: "Lever",
              data: { apiKey: `soak-${n}-${i}-key` },
            }),
          });
          count(response.status);
          const body = (await response.json().catch(() => ({}))) as { id?: number };
          if (response.status === 201 && body.id) result.acknowledged.push(body.id);
        } else if (kind === 2 || result.acknowledged.length === 0) {
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
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, (_, n) => client(n)));
  return result;
}

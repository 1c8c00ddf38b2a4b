import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/free-port";
import { exited, proxy as balancer, ready, startInstance, type Instance } from "./helpers/instances";

// Two production instances behind a minimal round-robin proxy, restarted one after the other
// under load the way a rolling deploy does it: take the instance out of rotation, SIGTERM it at
// once (requests it already has must still be answered), start the new one, put it back when it
// is ready. The proxy also retries another instance when a connection is refused, which is safe
// for any method. No request may get a 5xx. (Without the rotation step a connection can reach the
// old listener in the instant it closes and be reset, which no server can answer: hence the
// deregistration step in docs/scaling.md.)

// Server processes per instance, as npm start runs them on a machine with this many cores.
const WORKERS = 2;
const start = (port: number) => startInstance(port, { WEB_CONCURRENCY: String(WORKERS) });

test("no request fails while two instances restart one after the other", async () => {
  test.setTimeout(120_000);
  const ports = [await freePort(), await freePort()];
  const instances: Instance[] = ports.map(start);
  try {
    await Promise.all(ports.map(ready));
    const proxy = await balancer(ports);
    const { token } = (await (
      await fetch(`${proxy.url}/api/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "demo@example.com", password: "demo-password" }),
      })
    ).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    const statuses: number[] = [];
    const failures: string[] = [];
    const created: number[] = [];
    let running = true;
    const worker = async (n: number) => {
      for (let i = 0; running; i++) {
        const write = (i + n) % 3 === 0;
        const response = write
          ? await fetch(`${proxy.url}/api/integrations/submit`, {
              method: "POST",
              headers: { ...auth, "content-type": "application/json" },
              body: JSON.stringify({
                integrationType: "lever",
                integrationName: "Lever",
                data: { apiKey: `k-${n}-${i}-rolling` },
              }),
            })
          : await fetch(`${proxy.url}/api/integrations?limit=5`, { headers: auth });
        statuses.push(response.status);
        if (response.status >= 500) failures.push(`${response.status} ${await response.clone().text()}`);
        const body = (await response.json().catch(() => ({}))) as { id?: number };
        if (write && response.status === 201 && body.id) created.push(body.id);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));

    for (const [i, port] of ports.entries()) {
      await new Promise((r) => setTimeout(r, 1_000));
      const stopping = instances[i]!;
      proxy.remove(port);
      stopping.child.kill("SIGTERM");
      await exited(stopping.child);
      // Graceful: the exit code for SIGTERM, reached after every server process closed its pool.
      expect(stopping.child.exitCode).toBe(143);
      expect(stopping.lines.filter((line) => line.includes("database pool closed"))).toHaveLength(WORKERS);
      expect(stopping.lines.some((line) => line.includes("every server process stopped"))).toBe(true);
      instances[i] = start(port);
      await ready(port);
      proxy.add(port);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await load;
    proxy.close();

    expect(statuses.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    expect(created.length).toBeGreaterThan(5);
    for (const id of created.slice(-5)) {
      expect(
        (await fetch(`http://127.0.0.1:${ports[0]}/api/integrations/${id}`, { headers: auth })).status,
      ).toBe(200);
    }
  } finally {
    for (const { child } of instances) child.kill("SIGTERM");
    await Promise.all(instances.map(({ child }) => exited(child)));
  }
});

import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/free-port";

// Two production instances behind a minimal round-robin proxy, restarted one after the other
// under load the way a rolling deploy does it: take the instance out of rotation, SIGTERM it at
// once (requests it already has must still be answered), start the new one, put it back when it
// is ready. The proxy also retries another instance when a connection is refused, which is safe
// for any method. No request may get a 5xx. (Without the rotation step a connection can reach the
// old listener in the instant it closes and be reset, which no server can answer: hence the
// deregistration step in docs/scaling.md.)

// Each instance's log lines (pino JSON on stdout), to check what its shutdown did.
const logs = new Map<ChildProcess, string[]>();

function startInstance(port: number): ChildProcess {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], { env: process.env, stdio: ["ignore", "pipe", "ignore"] });
  const lines: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n")));
  logs.set(child, lines);
  return child;
}

async function ready(port: number) {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance on ${port} never became ready`);
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));

function balancer(ports: number[]) {
  const upstreams = [...ports];
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const port = upstreams[next++ % upstreams.length]!;
        const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && tries < 10) return attempt(tries + 1);
          res.writeHead(502).end(error.code);
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  const rotation = {
    remove: (port: number) => upstreams.splice(upstreams.indexOf(port), 1),
    add: (port: number) => upstreams.push(port),
  };
  return new Promise<{ url: string; close: () => void } & typeof rotation>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close(), ...rotation }),
    ),
  );
}

test("no request fails while two instances restart one after the other", async () => {
  test.setTimeout(120_000);
  const ports = [await freePort(), await freePort()];
  const instances = ports.map(startInstance);
  try {
    await Promise.all(ports.map(ready));
    const proxy = await balancer(ports);
    const { token } = (await (
      await fetch(`${proxy.url}/api/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.18.0.1" },
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
              body: JSON.stringify({ integrationType: "lever", integrationName: "Lever", data: { apiKey: `k-${n}-${i}-rolling` } }),
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
      stopping.kill("SIGTERM");
      await exited(stopping);
      // Graceful: Next's own exit code for SIGTERM, reached after the pool was closed.
      expect(stopping.exitCode).toBe(143);
      expect(logs.get(stopping)!.some((line) => line.includes("database pool closed"))).toBe(true);
      instances[i] = startInstance(port);
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
      expect((await fetch(`http://127.0.0.1:${ports[0]}/api/integrations/${id}`, { headers: auth })).status).toBe(200);
    }
  } finally {
    for (const instance of instances) instance.kill("SIGTERM");
    await Promise.all(instances.map(exited));
  }
});

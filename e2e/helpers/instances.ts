// Production instances started by a spec itself (besides Playwright's web server), and a small
// HTTP proxy in front of them, for the specs about what happens between a client and the app.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { productionServer } from "../../scripts/production-node";

export interface Instance {
  child: ChildProcess;
  /** Its log lines so far (pino JSON on stdout). */
  lines: string[];
}

/** npm start on a port, with the spec's environment on top of the e2e run's. */
export function startInstance(port: number, env: Record<string, string> = {}): Instance {
  const server = productionServer(port);
  const child = spawn(server.command, server.args, {
    env: { ...process.env, ...server.env, ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const lines: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n")));
  return { child, lines };
}

export async function ready(port: number) {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance on ${port} never became ready`);
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

/**
 * A round-robin proxy over the given ports that retries another upstream when a connection is
 * refused (safe for any method). With `appendForwardedFor` it appends the address it received
 * each request from to X-Forwarded-For, as HAProxy's `option forwardfor` or nginx's
 * `$proxy_add_x_forwarded_for` do.
 */
export function proxy(ports: number[], options: { appendForwardedFor?: boolean } = {}) {
  const upstreams = [...ports];
  let next = 0;
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    if (options.appendForwardedFor) {
      const from = req.socket.remoteAddress!.replace(/^::ffff:/, "");
      headers["x-forwarded-for"] = headers["x-forwarded-for"]
        ? `${headers["x-forwarded-for"]}, ${from}`
        : from;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const port = upstreams[next++ % upstreams.length]!;
        const upstream = http.request(
          { host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent: false },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
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
  return new Promise<{ url: string; port: number; close: () => void } & typeof rotation>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => server.close(), ...rotation });
    }),
  );
}

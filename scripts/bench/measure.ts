// One measured window: autocannon against a server for a while, and what it cost: the server's
// CPU (its whole process tree), the database server's, the load generator's own (this process),
// and how idle the machine stayed. CPU per request is steadier here than req/s, which moves
// with whatever else the two cores are doing.
import autocannon from "autocannon";
import { databaseCpuMs, machineTicks } from "./process-stats";
import type { RequestSpec } from "./scenarios";
import type { Server } from "./server";

export interface Measurement {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** The server's CPU per answered request, ms. */
  cpuMs: number;
  /** The database server's CPU per request, ms. */
  dbCpuMs: number;
  /** autocannon's own CPU per request, ms (this process). */
  loadCpuMs: number;
  /** Share of all cores left idle during the window, %. */
  idlePct: number;
}

export async function measure(
  server: Server,
  spec: RequestSpec,
  options: { connections: number; duration: number },
): Promise<Measurement> {
  const before = {
    cpu: await server.cpuMs(),
    db: await databaseCpuMs(),
    own: process.cpuUsage(),
    ticks: await machineTicks(),
  };
  const result = await autocannon({
    url: server.url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request) => ({
          ...request,
          path: spec.path(),
          ...(spec.body ? { body: spec.body() } : {}),
        }),
      },
    ],
  });
  const [cpu, db, ticks] = [await server.cpuMs(), await databaseCpuMs(), await machineTicks()];
  const own = process.cpuUsage(before.own);
  const requests = Math.max(1, result.requests.total);
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
    cpuMs: (cpu - before.cpu) / requests,
    dbCpuMs: (db - before.db) / requests,
    loadCpuMs: (own.user + own.system) / 1000 / requests,
    idlePct: (100 * (ticks.idle - before.ticks.idle)) / Math.max(1, ticks.total - before.ticks.total),
  };
}

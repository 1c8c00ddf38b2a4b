// A server under test: started as a child process on 127.0.0.1, ready once a URL answers 200,
// its CPU time and resident memory read from /proc (with its child processes), always stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { treeCpuMs, treeRssKiB } from "./process-stats";

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 40_000;

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** Resident set size of the process and its descendants, in MiB. */
  rssMiB(): Promise<number>;
  /** CPU time used so far by the process and its descendants, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  cwd?: string;
}): Promise<Server> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Kept so a server that dies at start says why.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const server: Server = {
    name: options.name,
    url,
    pid: child.pid!,
    rssMiB: () => treeRssKiB(child.pid!).then((kib) => kib / 1024),
    cpuMs: () => treeCpuMs(child.pid!),
    stop: () => stop(child, exited),
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited at start:\n${stderr}`);
    const ok = await fetch(url + options.readyPath).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(
    `${options.name} did not answer ${options.readyPath} within ${READY_TIMEOUT_MS / 1000}s:\n${stderr}`,
  );
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

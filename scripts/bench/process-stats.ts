// What a server costs while it is measured, read from /proc: CPU time and resident memory of a
// process and all its descendants (a cluster primary's workers, gunicorn's workers), the
// database server's CPU, and how idle the machine was. Linux only, like the benchmark.
import { execFileSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

const readOrEmpty = (file: string) => readFile(file, "utf8").catch(() => "");

/** The pid and every descendant's. */
export async function processTree(pid: number): Promise<number[]> {
  const children = (await readOrEmpty(`/proc/${pid}/task/${pid}/children`))
    .split(" ")
    .filter(Boolean)
    .map(Number);
  const below = await Promise.all(children.map(processTree));
  return [pid, ...below.flat()];
}

/** utime + stime of one process in ms (fields 14 and 15 of /proc/<pid>/stat, after the command). */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readOrEmpty(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / TICKS_PER_SECOND;
}

export async function treeCpuMs(pid: number): Promise<number> {
  const times = await Promise.all((await processTree(pid)).map(cpuMsOf));
  return times.reduce((sum, ms) => sum + ms, 0);
}

export async function treeRssKiB(pid: number): Promise<number> {
  const sizes = await Promise.all(
    (await processTree(pid)).map(async (p) =>
      Number(/^VmRSS:\s+(\d+) kB/m.exec(await readOrEmpty(`/proc/${p}/status`))?.[1] ?? 0),
    ),
  );
  return sizes.reduce((sum, kib) => sum + kib, 0);
}

/** CPU ms of every MariaDB/MySQL server on the machine (the benchmark's database is one of them). */
export async function databaseCpuMs(): Promise<number> {
  const pids = (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry));
  const servers = await Promise.all(
    pids.map(async (pid) =>
      /^(mariadbd|mysqld)$/.test((await readOrEmpty(`/proc/${pid}/comm`)).trim()) ? Number(pid) : 0,
    ),
  );
  const times = await Promise.all(servers.filter(Boolean).map(cpuMsOf));
  return times.reduce((sum, ms) => sum + ms, 0);
}

/** Idle and total time of all cores so far (the first line of /proc/stat), in ticks. */
export async function machineTicks(): Promise<{ idle: number; total: number }> {
  const cpu = (await readOrEmpty("/proc/stat")).split("\n")[0]!.split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return { idle: (cpu[3] ?? 0) + (cpu[4] ?? 0), total: cpu.slice(0, 8).reduce((sum, t) => sum + t, 0) };
}

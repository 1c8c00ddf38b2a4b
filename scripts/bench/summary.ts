// From the rounds of each scenario to one line: every target's median numbers, the app's ratio to
// each baseline (the median of the per-round ratios, so each compares windows seconds apart),
// peak memory, and the goals of issue #13: CPU per request within budget, throughput at least
// 1.5 × the Flask service's, p99 under 100 ms for S2–S5, the liveness route within 10 % of a bare
// Next.js app, all server processes under 600 MB.
import { fixed, median, printTable } from "./report";
import type { Measurement } from "./measure";
import type { Scenario } from "./scenarios";

export type Target = "app" | "flask" | "raw" | "bare";
type Rounds = Partial<Record<Target, Measurement>>[];

/** App CPU per request, ms, that each scenario may cost (S1 with its email rendered). */
const CPU_BUDGET_MS: Record<string, number> = { S1: 2.0, S2: 2.0, S3: 2.0, S4: 1.6, S5: 1.2 };
const FLASK_RATIO = 1.5;
const P99_MS = 100;
const P99_SCENARIOS = new Set(["S2", "S3", "S4", "S5"]);
const FLOOR_MARGIN = 1.1;
const RSS_MIB = 600;
/** S7 (an API key) against S5 (a JWT): the same request, so the key's check may cost this much more. */
const KEY_MARGIN = 1.1;

interface TargetNumbers {
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  dbCpuMs: number;
  loadCpuMs: number;
  idlePct: number;
}

export interface SummaryRow {
  id: string;
  name: string;
  app: TargetNumbers;
  flask?: TargetNumbers;
  raw?: TargetNumbers;
  bare?: TargetNumbers;
  /** The app's mail worker's CPU per submit, after the window (S1). */
  mailCpuMs?: number;
  mailDrainSeconds?: number;
  vsFlask?: number;
  vsRaw?: number;
  vsBare?: number;
  cpuBudgetMs?: number;
  appRssPeakMiB: number;
  non2xx: number;
  meets: { cpu?: boolean; flask?: boolean; p99?: boolean; floor?: boolean; rss: boolean };
}

function numbers(windows: Measurement[]): TargetNumbers | undefined {
  if (windows.length === 0) return undefined;
  const of = (pick: (m: Measurement) => number) => median(windows.map(pick));
  return {
    rps: of((m) => m.rps),
    p50: of((m) => m.p50),
    p99: of((m) => m.p99),
    cpuMs: of((m) => m.cpuMs),
    dbCpuMs: of((m) => m.dbCpuMs),
    loadCpuMs: of((m) => m.loadCpuMs),
    idlePct: of((m) => m.idlePct),
  };
}

/** The median over rounds of app ÷ baseline, each from one round's two windows. */
function ratio(rounds: Rounds, baseline: Target): number | undefined {
  const ratios = rounds.flatMap((r) => (r.app && r[baseline] ? [r.app.rps / r[baseline].rps] : []));
  return ratios.length ? median(ratios) : undefined;
}

export function summarize(
  list: Scenario[],
  results: { id: string; rounds: Rounds; mail: { seconds: number; cpuMsPerSubmit: number }[] }[],
  peaks: Record<string, Record<string, number>>,
): SummaryRow[] {
  return results.map(({ id, rounds, mail }) => {
    const scenario = list.find((s) => s.id === id)!;
    const of = (target: Target) => numbers(rounds.flatMap((r) => (r[target] ? [r[target]] : [])));
    const app = of("app")!;
    const [flask, raw, bare] = [of("flask"), of("raw"), of("bare")];
    const mailCpuMs = mail.length ? median(mail.map((m) => m.cpuMsPerSubmit)) : undefined;
    const cpuBudgetMs = CPU_BUDGET_MS[id];
    const vsFlask = ratio(rounds, "flask");
    const appRssPeakMiB = Math.max(
      0,
      ...Object.entries(peaks)
        .filter(([label]) => label.startsWith(`${id}:`))
        .map(([, p]) => p.app ?? 0),
    );
    return {
      id,
      name: scenario.name,
      app,
      flask,
      raw,
      bare,
      mailCpuMs,
      mailDrainSeconds: mail.length ? median(mail.map((m) => m.seconds)) : undefined,
      vsFlask,
      vsRaw: ratio(rounds, "raw"),
      vsBare: ratio(rounds, "bare"),
      cpuBudgetMs,
      appRssPeakMiB,
      non2xx: rounds.reduce((sum, r) => sum + (r.app ? r.app.non2xx + r.app.errors : 0), 0),
      meets: {
        cpu: cpuBudgetMs === undefined ? undefined : app.cpuMs + (mailCpuMs ?? 0) <= cpuBudgetMs,
        flask: vsFlask === undefined ? undefined : vsFlask >= FLASK_RATIO,
        p99: P99_SCENARIOS.has(id) ? app.p99 < P99_MS : undefined,
        floor: bare ? app.cpuMs <= bare.cpuMs * FLOOR_MARGIN : undefined,
        rss: appRssPeakMiB < RSS_MIB,
      },
    };
  });
}

const mark = (ok: boolean | undefined) => (ok === undefined ? "" : ok ? " ✔" : " ✖");
const rps = (n?: TargetNumbers) => (n ? fixed(n.rps, 0) : "–");
const cpu = (n?: TargetNumbers) => (n ? fixed(n.cpuMs, 2) : "–");

export function printSummary(
  rows: SummaryRow[],
  run: { connections: number; workers: number; rows: number },
): void {
  printTable(
    [
      "scenario",
      "app req/s",
      "p50 ms",
      "p99 ms",
      "flask req/s",
      "× flask",
      "raw req/s",
      "× raw",
      "bare req/s",
      "× bare",
      "idle %",
      "app RSS MiB",
    ],
    rows.map((r) => [
      `${r.id} ${r.name}`,
      fixed(r.app.rps, 0),
      fixed(r.app.p50),
      fixed(r.app.p99) + mark(r.meets.p99),
      rps(r.flask),
      r.vsFlask === undefined ? "–" : fixed(r.vsFlask, 2) + mark(r.meets.flask),
      rps(r.raw),
      r.vsRaw === undefined ? "–" : fixed(r.vsRaw, 2),
      rps(r.bare),
      r.vsBare === undefined ? "–" : fixed(r.vsBare, 2),
      fixed(r.app.idlePct, 0),
      fixed(r.appRssPeakMiB, 0) + mark(r.meets.rss),
    ]),
  );
  console.log("");
  printTable(
    [
      "CPU ms per request",
      "app",
      "+ mail",
      "budget",
      "database",
      "load gen",
      "flask",
      "flask db",
      "raw",
      "bare",
    ],
    rows.map((r) => [
      `${r.id} ${r.name}`,
      fixed(r.app.cpuMs, 2) + (r.meets.floor === undefined ? "" : mark(r.meets.floor)),
      r.mailCpuMs === undefined ? "–" : fixed(r.mailCpuMs, 2),
      r.cpuBudgetMs === undefined ? "–" : fixed(r.cpuBudgetMs, 1) + mark(r.meets.cpu),
      fixed(r.app.dbCpuMs, 2),
      fixed(r.app.loadCpuMs, 2),
      cpu(r.flask),
      r.flask ? fixed(r.flask.dbCpuMs, 2) : "–",
      cpu(r.raw),
      cpu(r.bare),
    ]),
  );
  console.log(
    `\n${run.rows.toLocaleString("en")} rows, ${run.connections} connections, ${run.workers} app processes; medians over rounds; ratios are medians of per-round ratios.` +
      `\nGoals: app ≥ ${FLASK_RATIO}× flask, p99 < ${P99_MS} ms (S2–S5), CPU within budget (S1 with its email), liveness CPU ≤ ${FLOOR_MARGIN}× bare Next, all app processes < ${RSS_MIB} MiB.`,
  );
  const [jwt, key] = [rows.find((r) => r.id === "S5"), rows.find((r) => r.id === "S7")];
  if (jwt && key) {
    const times = key.app.cpuMs / jwt.app.cpuMs;
    console.log(
      `API key against JWT (S7 vs S5): ${fixed(key.app.cpuMs, 2)} vs ${fixed(jwt.app.cpuMs, 2)} ms CPU per request, × ${fixed(times, 2)}${mark(times <= KEY_MARGIN)} (goal ≤ ${KEY_MARGIN}).`,
    );
  }
  for (const r of rows) {
    if (r.mailDrainSeconds !== undefined)
      console.log(
        `${r.id}: after each window the mail worker took ${fixed(r.mailDrainSeconds)} s to render and file the queued emails.`,
      );
  }
}

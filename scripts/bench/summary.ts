// From the rounds of each scenario to one line: the app's numbers (median over rounds), its
// ratio to each baseline (the median of the per-round ratios, so each ratio compares runs made
// seconds apart), peak memory, and the issue's targets.
import { fixed, median, printTable } from "./report";
import type { Kind, Measurement, Scenario } from "./scenarios";

export type Round = { app: Measurement; live?: Measurement; raw?: Measurement };

const RATIO_TARGET: Record<Kind, number | undefined> = { read: 0.8, write: 0.6, page: undefined };
const P99_TARGET_MS = 50;
const RSS_TARGET_MIB = 300;

export interface SummaryRow {
  id: string;
  name: string;
  rps: number;
  p50: number;
  p99: number;
  worstP99: number;
  non2xx: number;
  rawRps?: number;
  liveRps: number;
  vsRaw?: number;
  vsLive: number;
  ratioTarget?: number;
  appRssPeakMiB: number;
  rawRssPeakMiB?: number;
  mailDrainSeconds?: number;
  meets: { ratioToLive?: boolean; p99: boolean; rss: boolean };
}

export function summarize(
  list: Scenario[],
  results: { id: string; rounds: Round[]; mailDrainSeconds: number[] }[],
  peaks: Record<string, Record<string, number>>,
): SummaryRow[] {
  return results.map(({ id, rounds, mailDrainSeconds }) => {
    const scenario = list.find((s) => s.id === id)!;
    const app = rounds.map((r) => r.app);
    const raws = rounds.flatMap((r) => (r.raw ? [r.raw] : []));
    const lives = rounds.flatMap((r) => (r.live ? [r.live] : []));
    const vsLive = median(rounds.flatMap((r) => (r.live ? [r.app.rps / r.live.rps] : [])));
    const ratioTarget = RATIO_TARGET[scenario.kind];
    const p99 = median(app.map((m) => m.p99));
    const appRssPeakMiB = Math.max(
      0,
      ...Object.entries(peaks)
        .filter(([label]) => label.startsWith(`${id}:`))
        .map(([, p]) => p.app ?? 0),
    );
    const rawRssPeakMiB = peaks[`${id}:raw`]?.raw;
    return {
      id,
      name: scenario.name,
      rps: median(app.map((m) => m.rps)),
      p50: median(app.map((m) => m.p50)),
      p99,
      worstP99: Math.max(...app.map((m) => m.p99)),
      non2xx: app.reduce((sum, m) => sum + m.non2xx + m.errors, 0),
      rawRps: raws.length ? median(raws.map((m) => m.rps)) : undefined,
      liveRps: median(lives.map((m) => m.rps)),
      vsRaw: raws.length ? median(rounds.flatMap((r) => (r.raw ? [r.app.rps / r.raw.rps] : []))) : undefined,
      vsLive,
      ratioTarget,
      appRssPeakMiB,
      rawRssPeakMiB,
      mailDrainSeconds: mailDrainSeconds.length ? median(mailDrainSeconds) : undefined,
      meets: {
        ratioToLive: ratioTarget === undefined || lives.length === 0 ? undefined : vsLive >= ratioTarget,
        p99: p99 < P99_TARGET_MS,
        rss: appRssPeakMiB < RSS_TARGET_MIB,
      },
    };
  });
}

const mark = (ok: boolean | undefined) => (ok === undefined ? "" : ok ? " ✔" : " ✖");

export function printSummary(rows: SummaryRow[], connections: number): void {
  printTable(
    [
      "scenario",
      "req/s",
      "p50 ms",
      "p99 ms",
      "non-2xx",
      "raw req/s",
      "× raw",
      "live req/s",
      "× live (target)",
      "app RSS MiB",
    ],
    rows.map((r) => [
      `${r.id} ${r.name}`,
      fixed(r.rps, 0),
      fixed(r.p50),
      fixed(r.p99) + mark(r.meets.p99),
      String(r.non2xx),
      r.rawRps === undefined ? "–" : fixed(r.rawRps, 0),
      r.vsRaw === undefined ? "–" : fixed(r.vsRaw, 2),
      fixed(r.liveRps, 0),
      `${fixed(r.vsLive, 2)}${r.ratioTarget === undefined ? "" : ` (≥${r.ratioTarget})${mark(r.meets.ratioToLive)}`}`,
      fixed(r.appRssPeakMiB, 0) + mark(r.meets.rss),
    ]),
  );
  console.log(
    `\n${connections} connections; medians over rounds; targets: p99 < ${P99_TARGET_MS} ms, RSS < ${RSS_TARGET_MIB} MiB, reads ≥ 0.8× and writes ≥ 0.6× the liveness route.`,
  );
  for (const r of rows) {
    if (r.mailDrainSeconds !== undefined) {
      console.log(
        `${r.id}: the app's mail worker needed ${fixed(r.mailDrainSeconds)} s after each run to render and file the queued emails.`,
      );
    }
  }
}

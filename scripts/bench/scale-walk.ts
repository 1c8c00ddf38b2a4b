// One client's walk through a list, timed request by request: the first page, three pages on by
// nextCursor, one back by prevCursor, then the deep pages. The same walk runs in-process and over
// HTTP, so the two sets of numbers measure the same requests.
import { percentile } from "./report";
import { PAGE_SIZE, STEPS, type Params, type Step } from "./scale-variants";

export interface PageAnswer {
  nextCursor: string | null;
  prevCursor: string | null;
  /** Set when the list answered with its narrowing hint instead of a page. */
  hint?: string;
}

export type Fetcher = (params: Params) => Promise<PageAnswer>;

export interface Deep {
  /** A cursor TAIL rows before the end (forward), and the same position read backward. */
  forward?: string;
  back?: string;
}

export interface Timing {
  p50: number;
  p95: number;
  samples: number;
}

export interface WalkTimings {
  steps: Partial<Record<Step, Timing>>;
  all: Timing;
  hint?: string;
}

// A walk repeats `iterations` times, but stops once this much time went by (with at least
// MIN_WALKS), so one slow variant cannot hold up the matrix for minutes.
const BUDGET_MS = 4_000;
const MIN_WALKS = 3;

async function walkOnce(page: Fetcher, params: Params, deep: Deep, record: (step: Step, ms: number) => void) {
  const timed = async (step: Step, cursor?: string) => {
    const started = performance.now();
    const answer = await page({ ...params, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    record(step, performance.now() - started);
    return answer;
  };
  let answer = await timed("first");
  if (answer.hint) return answer.hint;
  for (const step of ["next 1", "next 2", "next 3"] as const) {
    if (!answer.nextCursor) break;
    answer = await timed(step, answer.nextCursor);
  }
  if (answer.prevCursor) await timed("back", answer.prevCursor);
  if (deep.forward) await timed("deep", deep.forward);
  if (deep.back) await timed("deep back", deep.back);
}

const timing = (samples: number[]): Timing => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  samples: samples.length,
});

export async function timeWalks(
  page: Fetcher,
  params: Params,
  deep: Deep,
  iterations: number,
): Promise<WalkTimings> {
  await walkOnce(page, params, deep, () => {}); // untimed: warms the connections and the pages read
  const samples = new Map<Step, number[]>();
  let hint: string | undefined;
  const until = performance.now() + BUDGET_MS;
  for (let walk = 0; walk < iterations && (walk < MIN_WALKS || performance.now() < until); walk++) {
    hint = await walkOnce(page, params, deep, (step, ms) =>
      samples.set(step, [...(samples.get(step) ?? []), ms]),
    );
  }
  return {
    steps: Object.fromEntries(
      STEPS.filter((step) => samples.has(step)).map((step) => [step, timing(samples.get(step)!)]),
    ),
    all: timing([...samples.values()].flat()),
    ...(hint && { hint }),
  };
}

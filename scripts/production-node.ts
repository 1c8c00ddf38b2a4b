// How `npm start` runs Node for the production server (package.json's start script says the same;
// tests/unit/production-node.test.ts keeps the two in step). The benchmark and the soak start
// the server this way, so they measure what production runs.
//
// The heap cap: without it V8 lets the heap grow lazily toward its default limit of several GB
// under load (a 400–690 MB RSS plateau in npm run bench), though what is live stays under 100 MB.
// At 256 MB the same load runs at the same speed in ~190 MB (docs/benchmarks.md).
export const PRODUCTION_NODE_OPTIONS = "--max-old-space-size=256";

/** NODE_OPTIONS for a production server: ours first, so any the caller set win. */
export function productionNodeOptions(inherited = process.env.NODE_OPTIONS): string {
  return [PRODUCTION_NODE_OPTIONS, inherited].filter(Boolean).join(" ");
}

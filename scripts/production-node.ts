// How `npm start` runs the production server (package.json's start script says the same;
// tests/unit/production-node.test.ts keeps the two in step). The benchmark, the soak and the e2e
// tests start the server this way, so they measure and test what production runs.
//
// The heap cap: without it V8 lets the heap grow lazily toward its default limit of several GB
// under load (a 400–690 MB RSS plateau in npm run bench), though what is live stays under 100 MB.
// At 256 MB the same load runs at the same speed in ~190 MB (docs/benchmarks.md).
export const PRODUCTION_NODE_OPTIONS = "--max-old-space-size=256";
export const SERVER_ENTRY = "scripts/server/start.mjs";

/** NODE_OPTIONS for a production server: ours first, so any the caller set win. */
export function productionNodeOptions(inherited = process.env.NODE_OPTIONS): string {
  return [PRODUCTION_NODE_OPTIONS, inherited].filter(Boolean).join(" ");
}

/** The command line of `npm start -- -H 127.0.0.1 -p <port>`, without npm in between. */
export function productionServer(port: number, nodeArgs: string[] = []) {
  return {
    command: process.execPath,
    args: [...nodeArgs, SERVER_ENTRY, "-H", "127.0.0.1", "-p", String(port)],
    env: { NODE_OPTIONS: productionNodeOptions() },
  };
}

// npx tsx scripts/bench/profile.ts <file.cpuprofile> [--top N]: where a server spent its CPU
// (self time), by code origin (package, app bundle, Node internals, GC) and by function, from
// the V8 profile `npm run bench -- --cpu-prof` leaves in .data/bench/profiles.
import { readFile } from "node:fs/promises";
import { fail, option, run } from "../cli";
import { printTable } from "./report";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// A Node module, a package, or a chunk of the app's server bundle (Turbopack numbers modules,
// so a bundled package shows only as its chunk; its function names tell which it is).
function origin(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return url;
  const pkg = /node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const chunk = /\/server\/chunks\/(.+)$/.exec(url)?.[1];
  if (chunk) return `bundle ${chunk}`;
  return url.replace(`file://${process.cwd()}/`, "");
}

run(async () => {
  const file = process.argv[2];
  if (!file || file.startsWith("--")) fail("Usage: tsx scripts/bench/profile.ts <file.cpuprofile> [--top N]");
  const top = Number(option("top") ?? 25);
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") return;
    total += micros;
    const where = origin(url, functionName);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + micros);
    const name = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => [name, (micros / 1000).toFixed(0), ((100 * micros) / total).toFixed(1)]);
  console.log(`busy CPU: ${(total / 1e6).toFixed(1)} s\n`);
  printTable(["origin", "self ms", "%"], rows(byOrigin));
  console.log("");
  printTable(["function", "self ms", "%"], rows(byFunction));
});

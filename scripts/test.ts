// npm test: every check, in order — lint, types, unit + integration (real MariaDB), browser e2e
// on the production build. Runs them all, then prints one summary and fails if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

interface Step {
  name: string;
  command: string[];
  report?: string;
  count?: (report: unknown) => { passed: number; failed: number };
}

const STEPS: Step[] = [
  { name: "lint", command: ["npm", "run", "-s", "lint"] },
  { name: "typecheck", command: ["npm", "run", "-s", "typecheck"] },
  {
    name: "unit + integration",
    command: [
      "npx",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/unit.json",
    ],
    report: "test-results/unit.json",
    count: (r) => {
      const report = r as { numPassedTests: number; numFailedTests: number };
      return { passed: report.numPassedTests, failed: report.numFailedTests };
    },
  },
  {
    name: "e2e",
    command: ["npm", "run", "-s", "test:e2e"],
    report: "test-results/e2e.json",
    count: (r) => {
      const { stats } = r as { stats: { expected: number; flaky: number; unexpected: number } };
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
    },
  },
];

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

let passed = 0;
let failed = 0;
const lines: string[] = [];
for (const step of STEPS) {
  console.log(`\n━━ ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const status = spawnSync(step.command[0]!, step.command.slice(1), { stdio: "inherit" }).status ?? 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  let counts = "";
  if (step.report && step.count && existsSync(step.report)) {
    const c = step.count(JSON.parse(readFileSync(step.report, "utf8")));
    passed += c.passed;
    failed += c.failed;
    counts = ` (${c.passed} passed, ${c.failed} failed)`;
  }
  if (status !== 0 && !counts) failed += 1;
  lines.push(`${status === 0 ? "✔" : "✖"} ${step.name}${counts} in ${seconds}s`);
}

console.log(`\n${lines.join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(lines.some((l) => l.startsWith("✖")) ? 1 : 0);

// npx tsx --conditions=react-server scripts/bench/in-process.ts [--seconds 5 --rows 10000 --only S1,S5]:
// the route handlers of S1–S5, S7 and the liveness route called in process, 32 at a time, with the
// same requests as npm run bench but no HTTP server and no Next.js around them. What it prints
// is our code's own cost (handler + database client + crypto + JSON) apart from the framework's,
// which npm run bench measures only together. The mail worker does not run here (S1 queues).
import { fail, option, run } from "../cli";
import { ADMIN, benchEnvironment, seedRows, withBenchDatabase } from "./database";
import { liveness, scenarios, type RequestSpec } from "./scenarios";

const CONCURRENCY = 32;

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

run(async () => {
  const seconds = Number(option("seconds") ?? 5);
  const rows = Number(option("rows") ?? 10_000);
  const only = option("only")?.split(",");
  if (!(seconds >= 1 && seconds <= 60)) fail("--seconds takes 1 to 60.");
  if (!(Number.isInteger(rows) && rows >= 1_000 && rows <= 1_000_000))
    fail("--rows takes 1,000 to 1,000,000.");
  await withBenchDatabase("inproc", async (url) => {
    Object.assign(process.env, benchEnvironment(url));
    await seedRows(rows);
    const { pool, closeDb } = await import("@/db");
    try {
      const { findUserByEmail } = await import("@/lib/auth/accounts");
      const { signAccessToken } = await import("@/lib/auth/tokens");
      const admin = (await findUserByEmail(ADMIN.email))!;
      const { token } = await signAccessToken(admin);
      const { createApiKey } = await import("@/lib/auth/api-keys");
      const { secret: apiKey } = await createApiKey(admin, {
        name: "bench",
        scopes: ["integrations:read", "admin"],
      });
      const [[ids]] = (await pool().query(
        "SELECT MIN(id) AS min, MAX(id) AS max FROM integration_submissions",
      )) as unknown as [[{ min: number; max: number }]];
      // The requests of S1–S5 and S7 exactly as npm run bench sends them, routed to their handlers.
      const routes: [RegExp, Handler][] = [
        [/^\/api\/health\/live$/, (await import("@/app/api/health/live/route")).GET as unknown as Handler],
        [
          /^\/api\/integrations\/submit$/,
          (await import("@/app/api/integrations/submit/route")).POST as Handler,
        ],
        [/^\/api\/integrations\/all$/, (await import("@/app/api/integrations/all/route")).GET as Handler],
        [
          /^\/api\/integrations\/(?<id>\d+)\/update$/,
          (await import("@/app/api/integrations/[id]/update/route")).PUT as Handler,
        ],
        [
          /^\/api\/integrations\/(?<id>\d+)$/,
          (await import("@/app/api/integrations/[id]/route")).GET as Handler,
        ],
      ];
      const send = (spec: RequestSpec) => {
        const path = spec.path();
        const { pathname } = new URL(path, "http://bench");
        for (const [pattern, handler] of routes) {
          const match = pattern.exec(pathname);
          if (!match) continue;
          const request = new Request(`http://bench${path}`, {
            method: spec.method,
            headers: spec.headers,
            body: spec.body?.(),
          });
          return handler(request, { params: Promise.resolve({ ...match.groups }) });
        }
        throw new Error(`no handler for ${path}`);
      };
      const targets: [string, () => Promise<Response>][] = [
        ["liveness", () => send(liveness)],
        ...scenarios({ token, cookie: "", apiKey, ids })
          .filter((scenario) => scenario.kind !== "page" && (!only || only.includes(scenario.id)))
          .map((scenario): [string, () => Promise<Response>] => [
            `${scenario.id} ${scenario.name}`,
            () => send(scenario.request),
          ]),
      ];
      console.log(`\n${CONCURRENCY} at a time, ${seconds} s each, ${rows.toLocaleString("en")} rows:`);
      for (const [name, request] of targets) {
        const once = async () => {
          const response = await request();
          await response.text();
          if (response.status >= 300) throw new Error(`${name} answered ${response.status}`);
        };
        for (let i = 0; i < 200; i++) await once();
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        let done = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (performance.now() - started < seconds * 1000) {
              await once();
              done++;
            }
          }),
        );
        const cpu = process.cpuUsage(cpuBefore);
        const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / done;
        console.log(
          `  ${name.padEnd(24)} ${(done / seconds).toFixed(0).padStart(6)} req/s   ${cpuMsPerRequest.toFixed(2)} ms CPU per request`,
        );
      }
    } finally {
      await closeDb();
    }
  });
});

// npx tsx --conditions=react-server scripts/bench/in-process.ts [-- --seconds 5 --rows 10000]:
// the route handlers of S5 (GET one) and S2 (list, 100 rows) and the liveness route called
// in-process, 32 at a time, with no HTTP server and no Next.js around them. What it prints is
// our code's own cost (handler + database + crypto + JSON) apart from the framework's, which
// `npm run bench` measures only together.
import { fail, option, run } from "../cli";
import { ADMIN, benchEnvironment, seedRows, withBenchDatabase } from "./database";

const CONCURRENCY = 32;

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

run(async () => {
  const seconds = Number(option("seconds") ?? 5);
  const rows = Number(option("rows") ?? 10_000);
  if (!(seconds >= 1 && seconds <= 60)) fail("--seconds takes 1 to 60.");
  if (!(Number.isInteger(rows) && rows >= 1_000 && rows <= 1_000_000)) fail("--rows takes 1,000 to 1,000,000.");
  await withBenchDatabase("inproc", async (url) => {
    Object.assign(process.env, benchEnvironment(url));
    await seedRows(rows);
    const { pool, closeDb } = await import("@/db");
    try {
      const { findUserByEmail } = await import("@/lib/auth/accounts");
      const { signAccessToken } = await import("@/lib/auth/tokens");
      const admin = (await findUserByEmail(ADMIN.email))!;
      const { token } = await signAccessToken(admin);
      const headers = { authorization: `Bearer ${token}` };
      const [[ids]] = (await pool().query("SELECT MIN(id) AS min, MAX(id) AS max FROM integration_submissions")) as unknown as [
        [{ min: number; max: number }],
      ];
      const getOne = (await import("@/app/api/integrations/[id]/route")).GET as Handler;
      const list = (await import("@/app/api/integrations/all/route")).GET as Handler;
      const live = (await import("@/app/api/health/live/route")).GET as unknown as Handler;
      const targets: [string, () => Promise<Response>][] = [
        ["liveness", () => live(new Request("http://bench/api/health/live"), { params: Promise.resolve({}) })],
        [
          "S5 get one",
          () => {
            const id = String(ids.min + Math.floor(Math.random() * (ids.max - ids.min)));
            return getOne(new Request(`http://bench/api/integrations/${id}`, { headers }), { params: Promise.resolve({ id }) });
          },
        ],
        ["S2 list, default page", () => list(new Request("http://bench/api/integrations/all", { headers }), { params: Promise.resolve({}) })],
      ];
      console.log(`\n${CONCURRENCY} at a time, ${seconds} s each, ${rows.toLocaleString("en")} rows:`);
      for (const [name, request] of targets) {
        const once = async () => {
          const response = await request();
          await response.text();
          if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
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
        console.log(`  ${name.padEnd(24)} ${(done / seconds).toFixed(0).padStart(6)} req/s   ${cpuMsPerRequest.toFixed(2)} ms CPU per request`);
      }
    } finally {
      await closeDb();
    }
  });
});

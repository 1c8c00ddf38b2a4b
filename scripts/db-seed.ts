// npm run db:seed [-- --rows N]: admin + demo user, and the demo set (or N more submissions).
import { SingleBar, Presets } from "cli-progress";
import { fail, option, run } from "./cli";
import { seed } from "@/lib/demo/seed";

run(async () => {
  const rowsOption = option("rows");
  const rows = rowsOption === undefined ? undefined : Number(rowsOption);
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1))
    fail("--rows takes a whole number above 0.");

  const bar = new SingleBar(
    { format: "Seeding [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left" },
    Presets.shades_classic,
  );
  const started = Date.now();
  const { inserted } = await seed({
    rows,
    onProgress: (done, total) =>
      done === Math.min(total, 2_000) ? bar.start(total, done) : bar.update(done),
  });
  bar.stop();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`✔ Admin and demo user ready; ${inserted} submissions inserted in ${seconds}s.`);
});

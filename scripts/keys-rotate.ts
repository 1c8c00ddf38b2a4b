// npm run keys:rotate [-- --from-id N]: re-seal every submission with the newest key of
// DATA_ENCRYPTION_KEY (the last one listed). Safe to run while the app serves traffic and to
// stop at any time: run it again (or pass the last id it printed) and it carries on.
import { Presets, SingleBar } from "cli-progress";
import { fail, option, run } from "./cli";
import { env } from "@/lib/env";
import { rotateKeys } from "@/lib/crypto/rotate-keys";

run(async () => {
  const fromId = Number(option("from-id") ?? 0);
  if (!Number.isInteger(fromId) || fromId < 0)
    fail("--from-id takes a whole number (the last id a previous run reached).");
  const newest = env().DATA_ENCRYPTION_KEY.at(-1)!.id;
  console.log(`Re-sealing submissions with key "${newest}" …`);
  const bar = new SingleBar(
    {
      format:
        "Rotating [{bar}] {percentage}% | {value}/{total} rows | last id {lastId} | {eta_formatted} left",
    },
    Presets.shades_classic,
  );
  let started = false;
  const result = await rotateKeys({
    fromId,
    onProgress: (p) => {
      if (!started) bar.start(p.total, 0, { lastId: p.lastId });
      started = true;
      bar.update(p.scanned, { lastId: p.lastId });
    },
  });
  bar.stop();
  console.log(
    `✔ ${result.rotated} of ${result.scanned} submissions and ${result.tokensRotated} OAuth token sets and webhook secrets re-sealed; every row now uses "${newest}".`,
  );
  if (env().DATA_ENCRYPTION_KEY.length > 1)
    console.log(
      "  Older keys can be removed from DATA_ENCRYPTION_KEY once every instance runs with this list.",
    );
});

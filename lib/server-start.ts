// What a server process does before its first request: a bad environment stops it here with
// one clear line, instead of a server that answers 500 to everything.
import { env, EnvError } from "./env";

export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
}

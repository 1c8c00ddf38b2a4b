// Shared start of every CLI: load .env files the way Next does, and fail with one clear line.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", {
  info: () => {},
  error: console.error,
});

export function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** Runs main; any thrown error becomes one line on stderr and exit code 1. */
export function run(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
}

export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index !== -1) return args[index + 1];
  return args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split("=")
    .slice(1)
    .join("=");
}

export function hasFlag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}

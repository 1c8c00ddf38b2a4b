// Password hashing: argon2id (OWASP's first choice) from a prebuilt native binding.
import { hash, verify } from "@node-rs/argon2";

// A fixed hash to verify against when the email is unknown, so both failures take equally long.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$Za6GmWCIXThS1Fql99fYIQ$Q3EwgMNImo+TRcy2t4DA1P5WSwwQXpE5+2S+hdKbMSc";

export function hashPassword(password: string): Promise<string> {
  // OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane.
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hashed: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(hashed ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

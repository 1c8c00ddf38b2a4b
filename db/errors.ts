// MySQL error codes, wherever they sit in an error's cause chain (drizzle wraps the driver's).
export function hasErrorCode(error: unknown, code: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === code) return true;
  }
  return false;
}

// A route's numeric `[id]` segment (submissions, keys, users, emails).
import { errors, type AppError } from "./errors";

const ID = /^[1-9]\d{0,14}$/;

/** Anything that is not a plausible id is simply not found (with the caller's own 404). */
export function parseId(param: unknown, notFound: () => AppError = errors.notFound): number {
  if (typeof param !== "string" || !ID.test(param)) throw notFound();
  return Number(param);
}

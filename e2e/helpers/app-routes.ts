// Every page and /api route of the app, read from app/ on disk (so a new one is fuzzed without
// being listed anywhere), and URLs for them with malformed values where a value goes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { IN_URL } from "./malformed";

const appDir = path.join(import.meta.dirname, "../../app");
const files = readdirSync(appDir, { recursive: true, encoding: "utf8" });

// app/(group)/x/[id]/page.tsx → /x/[id]
const routeOf = (file: string) =>
  `/${path
    .dirname(file)
    .split(path.sep)
    .filter((part) => part !== "." && !/^\(.*\)$/.test(part))
    .join("/")}`;

export const pages = files.filter((file) => file.endsWith("page.tsx")).map(routeOf);

export const apiRoutes = files
  .filter((file) => file.startsWith("api") && file.endsWith("route.ts"))
  .map((file) => ({
    route: routeOf(file),
    // The methods it really handles (the others answer the JSON 405 of lib/http/fallbacks.ts).
    methods: [
      ...readFileSync(path.join(appDir, file), "utf8").matchAll(
        /export const (GET|POST|PUT|PATCH|DELETE) =/g,
      ),
    ].map((match) => match[1]!),
  }));

/** What each dynamic segment is when it is not the one fuzzed (each choice, for the first one). */
export type RealSegments = Record<string, string[]>;

// Where a fuzzed value goes in a catch-all: next-auth reads an action and a provider or error.
const fuzzedAs: Record<string, (value: string) => string[]> = {
  "[...nextauth]": (value) => [value, `callback/${value}`, `error/${value}`],
};

function filled(route: string, real: RealSegments): string[] {
  const segments = route.split("/");
  const first = segments.find((segment) => segment.startsWith("["));
  if (!first) return [route];
  return real[first]!.map((choice) =>
    segments.map((segment) => (segment === first ? choice : (real[segment]?.[0] ?? segment))).join("/"),
  );
}

function fuzzed(route: string, value: string, real: RealSegments): string[] {
  const segments = route.split("/");
  return segments
    .filter((segment) => segment.startsWith("["))
    .flatMap((one) =>
      (fuzzedAs[one]?.(value) ?? [value]).map((inserted) =>
        segments.map((segment) => (segment === one ? inserted : (real[segment]?.[0] ?? segment))).join("/"),
      ),
    );
}

/**
 * Every query parameter in `names` (and one the route does not read) with every malformed value,
 * and every dynamic segment with each.
 */
export function malformedUrls(route: string, names: string[], real: RealSegments) {
  const queries = filled(route, real).flatMap((at) =>
    [...names, "x"].flatMap((name) => IN_URL.map((value) => `${at}?${name}=${value}`)),
  );
  return { queries, segments: IN_URL.flatMap((value) => fuzzed(route, value, real)) };
}

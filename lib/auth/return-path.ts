// Where to send someone after sign-in or sign-up (?callbackUrl=…): only a path on this app, or
// our sign-in page becomes a trusted-looking link to a phishing site (an open redirect).
//
// The string's shape alone is not enough: browsers drop TAB, CR and LF anywhere in a URL and read
// a backslash as a slash, so "/\t/evil.example" is "//evil.example" to them. So anything a
// browser might drop or reinterpret is refused, raw or percent-encoded; what is left is parsed by
// the WHATWG URL parser browsers use, against the app's origin, and kept only if it stays there.
// The answer is the parser's serialisation: ASCII only, so also safe in a Location header.
// Pure (no env, no server-only): callers pass the origin.

// Control and format characters, unpaired surrogates, any whitespace, and the backslash.
const UNSAFE = /[\p{C}\p{Z}\s\\]/u;
// Far longer than any path of this app; a bound on what gets decoded and parsed.
const MAX_LENGTH = 2048;

function looksSafe(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE.test(path);
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The same-origin path `value` names, normalised, or undefined for anything else. */
export function returnPath(value: unknown, appUrl: string): string | undefined {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !looksSafe(value)) return undefined;
  // Encoded variants ("/%2F/evil.example", "/%09/…") are refused too: a later decode must not
  // turn an accepted value into an unsafe one. Malformed escapes are refused with them.
  const plain = decoded(value);
  if (plain === undefined || !looksSafe(plain)) return undefined;
  const origin = new URL(appUrl).origin;
  const url = new URL(value, origin);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can still produce "//host" ("/.//evil.example" → "//evil.example").
  return url.origin === origin && looksSafe(path) ? path : undefined;
}

/**
 * next-auth's form of the same: a path, or an absolute URL on the app's origin (its client sends
 * the page's own address, and it defaults to the bare origin); answers the absolute URL.
 */
export function returnUrl(value: string, appUrl: string): string | undefined {
  const origin = new URL(appUrl).origin;
  const rest = value === origin ? "/" : value.startsWith(`${origin}/`) ? value.slice(origin.length) : value;
  const path = returnPath(rest, origin);
  return path === undefined ? undefined : `${origin}${path}`;
}

// The next-auth session cookie: read from a plain Request (route handlers and tests alike).
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { sessionTokenCredential, type Credential } from "./session-revocation";
import { verifiedTokenCache } from "./verified-tokens";

export const secureCookies = () => env().APP_URL.startsWith("https://");

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    try {
      cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // A cookie we cannot decode is not ours.
    }
  }
  return cookies;
}

const remembered = verifiedTokenCache();

/** Whom a valid session cookie names, if the request carries one. */
export async function sessionCredential(req: Request): Promise<Credential | undefined> {
  const header = req.headers.get("cookie");
  const cookies = parseCookies(header);
  if (Object.keys(cookies).length === 0) return undefined;
  // getToken reads only the cookies and the secret, so the same header always gives the same answer.
  return remembered(header!, async () => {
    const token = await getToken({
      // getToken reads a cookies object and the headers; a plain Request has no parsed cookies.
      req: { cookies, headers: new Headers() } as unknown as Parameters<typeof getToken>[0]["req"],
      secret: env().AUTH_SECRET,
      secureCookie: secureCookies(),
    });
    const credential = token && sessionTokenCredential(token);
    return credential && typeof token.exp === "number" ? { ...credential, exp: token.exp } : undefined;
  });
}

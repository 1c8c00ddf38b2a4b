// Content-Security-Policy for pages, with a fresh nonce per request: Next reads the nonce from
// this header and puts it on its own scripts, so no inline script without it can run. Not a
// security boundary for access: pages and route handlers check the user themselves. Also the
// first to see a path with an escape Next's router cannot decode (lib/http/fallbacks.ts).
import { NextResponse, type NextRequest } from "next/server";
import { isApiPath, undecodablePath } from "@/lib/http/fallbacks";

export function proxy(request: NextRequest) {
  const refused = undecodablePath(request);
  if (refused) return refused;
  // API answers get a fixed policy from next.config.mjs; they come here only for that check.
  if (isApiPath(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    // React's dev tooling evaluates code; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (email previews, React style props) are not script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages (API answers get a fixed policy from next.config.mjs, and static files need none),
  // and any path with an escape in it, for undecodablePath().
  matcher: [
    "/:path(.*%.*)",
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

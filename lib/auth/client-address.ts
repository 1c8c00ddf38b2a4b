// The caller's address for rate limiting: the first X-Forwarded-For hop (set by the proxy in
// front of us), else X-Real-IP. Behind no proxy both are absent and all callers share "direct".
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || "direct").slice(0, 64);
}

// How the benchmark signs in: a Bearer token for the API scenarios (POST /api/auth/token), an API
// key made with it (POST /api/keys) for S7, and the next-auth session cookie for the admin page, through the credentials sign-in a browser
// uses (csrf token and cookie first, then the form post).
interface Account {
  email: string;
  password: string;
}

async function expectOk(res: Response, what: string): Promise<Response> {
  if (!res.ok && res.status !== 302)
    throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

export async function apiToken(baseUrl: string, account: Account): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  }).then((r) => expectOk(r, "POST /api/auth/token"));
  return ((await res.json()) as { token: string }).token;
}

/** A new API key of the token's owner with the given scopes: its secret. */
export async function apiKey(baseUrl: string, token: string, scopes: string[]): Promise<string> {
  const res = await fetch(`${baseUrl}/api/keys`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: "bench", scopes }),
  }).then((r) => expectOk(r, "POST /api/keys"));
  return ((await res.json()) as { secret: string }).secret;
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

/** The `cookie` header value of a signed-in session. */
export async function sessionCookie(baseUrl: string, account: Account): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`).then((r) => expectOk(r, "GET /api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.headers.getSetCookie().map(cookiePair).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password }),
  }).then((r) => expectOk(r, "POST /api/auth/callback/credentials"));
  const session = signIn.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session)
    throw new Error(`Sign-in set no session cookie (redirected to ${signIn.headers.get("location")}).`);
  return cookiePair(session);
}

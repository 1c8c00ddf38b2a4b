// Requests exactly as written (Playwright's client would normalise a path such as /%zz or refuse
// a body that is not UTF-8), from a loopback address of their own, so that the rate-limit buckets
// of a spec are its own, and the sign-ins a spec needs.
import http from "node:http";
import { randomInt } from "node:crypto";
import { baseURL } from "../../playwright.config";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The local address to connect from (all of 127/8 is this machine). */
  from: string;
}

/** A loopback address of its own, so no other spec shares its rate-limit buckets. */
export const ownAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export function send(path: string, request: RawRequest): Promise<Answer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({
      host: hostname,
      port,
      path,
      method: request.method ?? "GET",
      localAddress: request.from,
      agent: false,
      headers: request.headers,
    });
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

const cookiesOf = (answer: Answer) =>
  (answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!);

/** Signs in through next-auth's own endpoints, as the sign-in form does; the Cookie header to send. */
export async function sessionCookie(email: string, password: string, from: string): Promise<string> {
  const csrf = await send("/api/auth/csrf", { from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const signedIn = await send("/api/auth/callback/credentials", {
    from,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = cookiesOf(signedIn).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed: ${signedIn.status} ${signedIn.body}`);
  return session;
}

/** A Bearer token from POST /api/auth/token. */
export async function bearerToken(email: string, password: string, from: string): Promise<string> {
  const answer = await send("/api/auth/token", {
    from,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (answer.status !== 200) throw new Error(`token for ${email} failed: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { token: string }).token;
}

/**
 * A new account, made through POST /api/auth/signup from an address of its own: sign-ups are
 * limited per address, and a run's specs together make more than one address may.
 */
export async function newAccount(name: string): Promise<{ email: string; password: string; id: number }> {
  const email = `e2e-${Date.now().toString(36)}-${randomInt(1e9).toString(36)}@example.test`;
  const password = "a-good-password";
  const answer = await send("/api/auth/signup", {
    from: ownAddress(),
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name }),
  });
  if (answer.status !== 201) throw new Error(`sign-up answered ${answer.status}: ${answer.body}`);
  return { email, password, id: (JSON.parse(answer.body) as { user: { id: number } }).user.id };
}

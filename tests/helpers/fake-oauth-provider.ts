// A provider's OAuth 2.0 authorization server and API on loopback, for the connection tests and
// the browser journey: a consent page with Approve and Deny, the authorization-code grant with
// PKCE, single-use refresh tokens that rotate (Bullhorn's rule: a spent one is invalid_grant),
// and an API that takes a live access token as a Bearer header or an access_token parameter.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeOAuthProvider {
  url: string;
  client: { clientId: string; clientSecret: string };
  stats: { codeGrants: number; refreshGrants: number; refusedRefreshes: number; apiCalls: number };
  /** Lifetime of the access tokens issued from now on (seconds). */
  setAccessTtl: (seconds: number) => void;
  /** How long a refresh grant takes to answer, to widen the window for concurrent renewals. */
  setRefreshDelay: (ms: number) => void;
  /** The customer withdrew access: every token dies, every refresh is invalid_grant. */
  revokeAll: () => void;
  /** The Approve link of a consent page, as a browser would follow it: where the provider sends back to. */
  approve: (authorizeUrl: string) => Promise<URL>;
  close: () => Promise<void>;
}

interface PendingCode {
  redirectUri: string;
  challenge?: string;
}

const token = (prefix: string) => `${prefix}_${randomBytes(18).toString("base64url")}`;
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startFakeOAuthProvider(
  client = { clientId: "fake-client-id", clientSecret: "fake-client-secret-0123456789" },
): Promise<FakeOAuthProvider> {
  const codes = new Map<string, PendingCode>();
  const liveAccess = new Set<string>();
  const liveRefresh = new Set<string>();
  const stats = { codeGrants: 0, refreshGrants: 0, refusedRefreshes: 0, apiCalls: 0 };
  let accessTtl = 3600;
  let refreshDelay = 0;

  const issue = () => {
    const access = token("at");
    const refresh = token("rt");
    liveAccess.add(access);
    liveRefresh.add(refresh);
    return { access_token: access, refresh_token: refresh, token_type: "Bearer", expires_in: accessTtl };
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const consentPage = (url: URL, res: http.ServerResponse) => {
    const redirect = url.searchParams.get("redirect_uri");
    if (url.searchParams.get("client_id") !== client.clientId || !redirect) {
      res.writeHead(400, { "content-type": "text/html" });
      return res.end("<h1>Unknown application</h1>");
    }
    const code = token("code");
    codes.set(code, {
      redirectUri: redirect,
      challenge: url.searchParams.get("code_challenge") ?? undefined,
    });
    const back = (params: Record<string, string>) => {
      const target = new URL(redirect);
      for (const [key, value] of Object.entries({ ...params, state: url.searchParams.get("state") ?? "" }))
        target.searchParams.set(key, value);
      return escapeHtml(target.toString());
    };
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Fake provider: grant access</title>
<h1>Grant access to Integrations Hub?</h1>
<p>It asks for: ${escapeHtml(url.searchParams.get("scope") ?? "(no scope)")}</p>
<p><a id="approve" href="${back({ code })}">Approve</a></p>
<p><a id="deny" href="${back({ error: "access_denied" })}">Deny</a></p>`);
  };

  const tokenGrant = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const form = await formOf(req);
    if (form.get("client_id") !== client.clientId || form.get("client_secret") !== client.clientSecret) {
      return json(res, 401, { error: "invalid_client" });
    }
    if (form.get("grant_type") === "authorization_code") {
      const pending = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier");
      const proof = verifier ? createHash("sha256").update(verifier).digest("base64url") : undefined;
      if (!pending || pending.redirectUri !== form.get("redirect_uri") || pending.challenge !== proof) {
        return json(res, 400, { error: "invalid_grant", error_description: "SECRET-BODY code refused" });
      }
      stats.codeGrants++;
      return json(res, 200, issue());
    }
    if (form.get("grant_type") === "refresh_token") {
      const spent = form.get("refresh_token") ?? "";
      await new Promise((resolve) => setTimeout(resolve, refreshDelay));
      if (!liveRefresh.delete(spent)) {
        stats.refusedRefreshes++;
        return json(res, 400, { error: "invalid_grant", error_description: "SECRET-BODY refresh refused" });
      }
      stats.refreshGrants++;
      return json(res, 200, issue());
    }
    return json(res, 400, { error: "unsupported_grant_type" });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "GET" && url.pathname === "/authorize") return consentPage(url, res);
    if (req.method === "POST" && url.pathname === "/token") {
      tokenGrant(req, res).catch(() => json(res, 500, { error: "server_error" }));
      return;
    }
    stats.apiCalls++;
    const presented =
      req.headers.authorization?.replace(/^Bearer /, "") ?? url.searchParams.get("access_token");
    return presented && liveAccess.has(presented)
      ? json(res, 200, { BhRestToken: "rest-session", restUrl: "https://rest.example/" })
      : json(res, 401, { message: "SECRET-BODY bad token" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    client,
    stats,
    setAccessTtl: (seconds) => void (accessTtl = seconds),
    setRefreshDelay: (ms) => void (refreshDelay = ms),
    revokeAll: () => {
      liveAccess.clear();
      liveRefresh.clear();
    },
    approve: async (authorizeUrl) => {
      const page = await (await fetch(authorizeUrl)).text();
      const href = /id="approve" href="([^"]+)"/.exec(page)?.[1];
      if (!href) throw new Error(`no consent page at ${authorizeUrl}: ${page}`);
      return new URL(href.replace(/&amp;/g, "&").replace(/&#38;/g, "&"));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The environment that points one OAuth type at the fake (the vitest run and an e2e instance). */
export const fakeProviderEnv = (slug: string, fake: Pick<FakeOAuthProvider, "url">) => ({
  [`INTEGRATION_${slug.toUpperCase()}_AUTHORIZE_URL`]: `${fake.url}/authorize`,
  [`INTEGRATION_${slug.toUpperCase()}_TOKEN_URL`]: `${fake.url}/token`,
  [`INTEGRATION_${slug.toUpperCase()}_API_URL`]: `${fake.url}/api`,
  INTEGRATION_ALLOW_PRIVATE_URLS: "true",
});

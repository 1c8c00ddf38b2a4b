// The systems the hub connects through OAuth 2.0 authorization code (docs/api.md, "Connections"):
// where their consent page and token endpoint are, what to ask for, and the cheapest
// authenticated read that proves an access token still works. Every address can be moved with
// INTEGRATION_<SLUG>_AUTHORIZE_URL, _TOKEN_URL and _API_URL (provider-urls.ts).
import "server-only";
import type { RequestInit } from "undici";
import { providerUrl } from "./provider-urls";

/** What a provider gave us, kept sealed (oauth-tokens.ts). */
export interface ProviderTokens {
  accessToken: string;
  refreshToken?: string;
  /** The API root the provider named for this account (JobAdder answers one per region). */
  apiUrl?: string;
}

export interface OAuthProvider {
  authorizeUrl: () => string;
  tokenUrl: () => string;
  scope: string;
  /** Sends a PKCE challenge (S256): only where the provider's server honours one. */
  pkce: boolean;
  /** Parameters the provider requires on its consent page besides the standard ones. */
  authorizeParams?: Record<string, string>;
  /** The read that proves the token. */
  check: (tokens: ProviderTokens) => { url: string; init: RequestInit };
}

const bearer = (tokens: ProviderTokens) => ({ headers: { authorization: `Bearer ${tokens.accessToken}` } });

export const oauthProviders: Record<string, OAuthProvider> = {
  // id.jobadder.com is an OpenID Connect server (/connect/authorize, /connect/token) that honours
  // PKCE; offline_access is what brings a refresh token, which dies after 14 days unused. The
  // token answer names the account's API root (`api`). GET /users/current is the smallest read.
  // (api.jobadder.com/v2/docs, "OAuth2 Authentication"; jobadderapi.zendesk.com, "OAuth2.0 Process")
  jobadder: {
    authorizeUrl: () => providerUrl("jobadder", "AUTHORIZE", "https://id.jobadder.com/connect/authorize"),
    tokenUrl: () => providerUrl("jobadder", "TOKEN", "https://id.jobadder.com/connect/token"),
    scope: "read write offline_access",
    pkce: true,
    check: (tokens) => ({
      url: `${providerUrl("jobadder", "API", tokens.apiUrl ?? "https://api.jobadder.com/v2")}/users/current`,
      init: bearer(tokens),
    }),
  },
  // Bullhorn's OAuth server has no PKCE and hands out single-use refresh tokens: each refresh
  // answers a new one, and spending an old one again is invalid_grant. An access token proves
  // itself by logging in to REST (rest-services/login), which answers a BhRestToken.
  // (bullhorn.github.io/Getting-Started-with-REST, "Complete the authorization process")
  bullhorn: {
    authorizeUrl: () =>
      providerUrl("bullhorn", "AUTHORIZE", "https://auth.bullhornstaffing.com/oauth/authorize"),
    tokenUrl: () => providerUrl("bullhorn", "TOKEN", "https://auth.bullhornstaffing.com/oauth/token"),
    scope: "",
    pkce: false,
    check: (tokens) => ({
      url: `${providerUrl("bullhorn", "API", "https://rest.bullhornstaffing.com")}/rest-services/login?version=2.0&access_token=${encodeURIComponent(tokens.accessToken)}`,
      init: { method: "POST" },
    }),
  },
  // Lever's authorization server (auth.lever.co) requires the API as `audience`; offline_access
  // brings a refresh token (dead after 90 idle days). GET /users?limit=1 is one user at most.
  // (hire.lever.co/developer/oauth, "Implementing"; hire.lever.co/developer/documentation, "Users")
  lever: {
    authorizeUrl: () => providerUrl("lever", "AUTHORIZE", "https://auth.lever.co/authorize"),
    tokenUrl: () => providerUrl("lever", "TOKEN", "https://auth.lever.co/oauth/token"),
    scope: "offline_access users:read:admin opportunities:read:admin postings:read:admin",
    pkce: true,
    authorizeParams: { audience: "https://api.lever.co/v1/" },
    check: (tokens) => ({
      url: `${providerUrl("lever", "API", "https://api.lever.co/v1")}/users?limit=1`,
      init: bearer(tokens),
    }),
  },
};

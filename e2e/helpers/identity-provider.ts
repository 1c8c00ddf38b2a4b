// A real OpenID Connect provider on loopback (oidc-provider, its development sign-in pages: any
// login and password; the login names the person), for the single sign-on spec. It can also play
// the two providers an app must refuse: an impostor at the configured address that claims another
// issuer (a second provider behind the same port), and one that signs ID tokens for another
// client (a wrong audience).
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface Person {
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
}

export interface IdentityProvider {
  issuer: string;
  /** Who each login is; change between sign-ins (claims are read at every sign-in). */
  people: Map<string, Person>;
  misbehave: { impostor: boolean; audience?: string };
  close: () => Promise<void>;
}

interface Client {
  id: string;
  secret: string;
  redirectUri: string;
}

function provider(issuer: string, client: Client, people: Map<string, Person>) {
  return new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [client.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Put the requested claims in the ID token, as Entra ID, Okta and Keycloak do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...people.get(id) }) }),
    cookies: { keys: ["e2e identity provider"] },
  });
}

/** ID tokens addressed to `audience` while it is set, instead of to the client that asked. */
function signForAnotherClient(op: Provider, misbehave: IdentityProvider["misbehave"]) {
  const IdToken = op.IdToken.prototype as { issue: (...args: unknown[]) => Promise<string>; client?: object };
  const issue = IdToken.issue;
  IdToken.issue = function (this: { client: Record<string | symbol, unknown> }, ...args: unknown[]) {
    const audience = misbehave.audience;
    if (audience) {
      const real = this.client;
      this.client = new Proxy(real, {
        get: (target, key) => {
          if (key === "clientId") return audience;
          const value = Reflect.get(target, key);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    }
    return issue.apply(this, args);
  };
}

export async function startIdentityProvider(client: Client): Promise<IdentityProvider> {
  const people = new Map<string, Person>();
  const misbehave: IdentityProvider["misbehave"] = { impostor: false };
  // The providers need the port in their issuer, so they are made once the server listens.
  const providers: { honest?: Provider; impostor?: Provider } = {};
  const server = http.createServer((req, res) =>
    (misbehave.impostor ? providers.impostor! : providers.honest!).callback()(req, res),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  providers.honest = provider(issuer, client, people);
  providers.impostor = provider(`${issuer}/another-tenant`, client, people);
  signForAnotherClient(providers.honest, misbehave);
  return {
    issuer,
    people,
    misbehave,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

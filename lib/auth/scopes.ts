// What an API key may do (docs/api.md, "API keys"). A person signed in, or holding a JWT, may do
// everything their role allows; a key only what its scopes name, and `admin` only while its owner
// is still an admin. Plain data, so the account page's form can import it.
export const apiScopes = [
  "integrations:read",
  "integrations:write",
  "integrations:reveal",
  "email:send",
  "admin",
] as const;
export type ApiScope = (typeof apiScopes)[number];

export const scopeDescriptions: Record<ApiScope, string> = {
  "integrations:read": "List and read submissions and their history",
  "integrations:write": "Submit and update submissions",
  "integrations:reveal": "Read unmasked credentials (?reveal=true)",
  "email:send": "Send email through /api/integrations/send-email",
  admin: "Admin-only routes, while the key's owner is an admin",
};

// Every provider address has a documented default and an override from the environment,
// INTEGRATION_<SLUG>_<KIND>_URL (docs/api.md, "Connections"): how tests point a provider at a
// loopback fake, and how an operator reaches a provider's sandbox or another region.
export type ProviderUrlKind = "API" | "AUTHORIZE" | "TOKEN";

export const providerUrl = (slug: string, kind: ProviderUrlKind, documented: string) =>
  (process.env[`INTEGRATION_${slug.toUpperCase()}_${kind}_URL`] || documented).replace(/\/+$/, "");

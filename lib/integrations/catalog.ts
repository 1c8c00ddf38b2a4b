// The integration catalog: one entry per system we connect. The catalog page, each typed form,
// the server-side check of `data` for known types and the docs all come from here, so adding an
// integration is adding one entry.
import { z } from "zod";

export type FieldKind = "text" | "secret" | "url" | "textarea";

export interface CatalogField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  help?: string;
  placeholder?: string;
  maxLength?: number;
  /** A shape the value must have beyond its kind (a regular expression's source, and what to say). */
  format?: { pattern: string; message: string };
}

export type CatalogAuth = "oauth" | "credentials" | "none";

/** How each way reads on the catalog and the form. */
export const AUTH_LABELS: Record<CatalogAuth, string> = {
  oauth: "OAuth sign-in, access renewed automatically",
  credentials: "Credentials checked live with the provider",
  none: "No automatic check",
};

export interface CatalogEntry {
  slug: string;
  name: string;
  summary: string;
  /** What the user needs at hand before starting. */
  needs: string[];
  /**
   * How the hub reaches the system, and so how a connection is checked: `oauth`, the user
   * registers our callback URL and connects (oauth-providers.ts); `credentials`, one cheap
   * authenticated read with what the form holds (provider-checks.ts); `none`, no check.
   */
  auth: CatalogAuth;
  fields: CatalogField[];
}

const field = (
  name: string,
  label: string,
  kind: FieldKind,
  required: boolean,
  extra: Partial<CatalogField> = {},
): CatalogField => ({
  name,
  label,
  kind,
  required,
  ...extra,
});

export const catalog: CatalogEntry[] = [
  {
    slug: "jobadder",
    name: "JobAdder",
    summary: "Sync jobs, candidates and placements with your JobAdder account.",
    needs: [
      "A JobAdder admin login",
      "An API application (client ID and secret) from the JobAdder Developer Portal",
    ],
    auth: "oauth",
    fields: [
      field("clientId", "Client ID", "text", true, { help: "From Developer Portal → Applications." }),
      field("clientSecret", "Client secret", "secret", true),
      field("companyId", "Account ID", "text", false, {
        help: "Only if you manage several JobAdder accounts.",
      }),
    ],
  },
  {
    slug: "workday",
    name: "Workday Recruiting",
    summary: "Read requisitions and write candidates through Workday's web services.",
    needs: [
      "Your Workday tenant name",
      "An Integration System User (ISU) with Recruiting permissions",
      "The web services endpoint of your tenant",
    ],
    auth: "credentials",
    fields: [
      field("tenant", "Tenant", "text", true, { placeholder: "acme" }),
      field("username", "ISU username", "text", true, { placeholder: "isu_recruiting" }),
      field("password", "ISU password", "secret", true),
      field("endpoint", "Web services endpoint", "url", true, {
        placeholder: "https://wd5-impl-services1.workday.com/ccx/service/acme",
      }),
    ],
  },
  {
    slug: "bullhorn",
    name: "Bullhorn",
    summary: "Connect Bullhorn ATS & CRM: jobs, candidates, submissions.",
    needs: ["A Bullhorn API user", "OAuth client ID and secret from Bullhorn Support"],
    auth: "oauth",
    fields: [
      field("clientId", "Client ID", "text", true),
      field("clientSecret", "Client secret", "secret", true),
      field("username", "API username", "text", true),
      field("password", "API password", "secret", true),
    ],
  },
  {
    slug: "greenhouse",
    name: "Greenhouse",
    summary: "Pull jobs and push candidates with the Harvest API.",
    needs: [
      "A Harvest API key with Jobs and Candidates permissions",
      "Optionally, the ID of the Greenhouse user to act on behalf of",
    ],
    auth: "credentials",
    fields: [
      field("harvestApiKey", "Harvest API key", "secret", true, {
        help: "Configure → Dev Center → API Credential Management.",
      }),
      field("onBehalfOfUserId", "On-behalf-of user ID", "text", false, {
        help: "A number, not an email: open the user in Configure → Users, it ends the page's address. Writes are recorded as theirs.",
        placeholder: "4080512",
        format: { pattern: "^\\d{1,20}$", message: "must be a number (the user's ID, not an email)" },
      }),
    ],
  },
  {
    slug: "lever",
    name: "Lever",
    summary: "Sync postings and opportunities, with webhooks for stage changes.",
    needs: [
      "A Lever Super Admin to grant access",
      "The OAuth client ID and secret Lever issued for your integration",
      "Optionally, the webhook signing token",
    ],
    auth: "oauth",
    fields: [
      field("clientId", "Client ID", "text", true),
      field("clientSecret", "Client secret", "secret", true),
      field("webhookSigningToken", "Webhook signing token", "secret", false),
    ],
  },
  {
    slug: "smartrecruiters",
    name: "SmartRecruiters",
    summary: "Import jobs and send applicants through the SmartRecruiters API.",
    needs: ["An API token from Admin → Apps & Integrations", "Your company identifier"],
    auth: "credentials",
    fields: [
      field("apiToken", "API token", "secret", true),
      field("companyId", "Company identifier", "text", true, { placeholder: "acme-inc" }),
    ],
  },
  {
    slug: "icims",
    name: "iCIMS",
    summary: "Talent Cloud: requisitions, people and workflows.",
    needs: ["Your iCIMS customer ID", "API username and password from your iCIMS consultant"],
    auth: "credentials",
    fields: [
      field("customerId", "Customer ID", "text", true),
      field("username", "API username", "text", true),
      field("password", "API password", "secret", true),
    ],
  },
  {
    slug: "custom",
    name: "Custom / other",
    summary: "Any other ATS or HR system: tell us how to reach it and we take it from there.",
    needs: ["The system's name", "Optionally, its API address and the key or credentials it uses"],
    auth: "none",
    fields: [
      field("systemName", "System name", "text", true, { placeholder: "Acme ATS", maxLength: 255 }),
      field("baseUrl", "API base URL", "url", false, { placeholder: "https://api.example.com" }),
      field("apiKey", "API key or token", "secret", false),
      field("notes", "Anything we should know", "textarea", false, { maxLength: 2000 }),
    ],
  },
];

const bySlug = new Map(catalog.map((entry) => [entry.slug, entry]));

export function catalogEntry(slug: string): CatalogEntry | undefined {
  return bySlug.get(slug);
}

/** The product name for an integration type, or the type itself outside the catalog. */
export const typeName = (slug: string) => bySlug.get(slug)?.name ?? slug;

/** An entry's field names to the labels its form shows (none for types outside the catalog). */
export function fieldLabels(entry: CatalogEntry | undefined): Record<string, string> {
  return Object.fromEntries((entry?.fields ?? []).map((f) => [f.name, f.label]));
}

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

function fieldSchema(f: CatalogField, required: boolean) {
  const max = f.maxLength ?? 1000;
  let text = z.string({ error: "must be text" }).trim().max(max, `must be at most ${max} characters`);
  if (required) text = text.min(1, "is required");
  const format = f.format && new RegExp(f.format.pattern);
  if (format) return text.refine((v) => v === "" || format.test(v), f.format!.message);
  return f.kind === "url" ? text.refine((v) => v === "" || isHttpUrl(v), "must be an http(s) URL") : text;
}

/** What the form demands: every required field filled, every value well-formed. */
export function formSchema(entry: CatalogEntry) {
  return z.object(
    Object.fromEntries(
      entry.fields.map((f) => [f.name, f.required ? fieldSchema(f, true) : fieldSchema(f, false).optional()]),
    ),
  );
}

/**
 * What the API checks for a known type: known fields, when present, are strings of the right
 * form. Nothing is required and other keys pass, because API clients already send partial or
 * older shapes (the contract's own JobAdder example has apiKey, companyId and jobId).
 */
function apiDataSchema(entry: CatalogEntry) {
  return z.looseObject(
    Object.fromEntries(entry.fields.map((f) => [f.name, fieldSchema(f, false).optional()])),
  );
}

// Built once per type: making a zod schema costs more than using it (~0.1 ms a submit).
const apiSchemas = new Map<string, ReturnType<typeof apiDataSchema>>();

/** For a known type, what is wrong with `data` (as details under data.<field>); nothing for other types. */
export function catalogDataIssues(
  type: string,
  data: Record<string, unknown>,
): { field: string; message: string }[] {
  const entry = catalogEntry(type);
  if (!entry) return [];
  let schema = apiSchemas.get(entry.slug);
  if (!schema) apiSchemas.set(entry.slug, (schema = apiDataSchema(entry)));
  const result = schema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((i) => ({
        field: ["data", ...i.path.map(String)].join("."),
        message: i.message,
      }));
}

// Where a request was made, as clients name it (free text; these are the ones our pages and the
// original frontend send).
const SOURCE_LABELS: Record<string, string> = {
  integration_catalog: "Catalog form",
  integration_overview: "Integrations overview",
  onboarding: "Onboarding",
  api: "API",
};

/** A request's source as people read it; an unknown one as the client wrote it. */
export const sourceLabel = (source: string | null) =>
  source === null ? "—" : (SOURCE_LABELS[source] ?? source);

// Realistic demo submissions: what the dev database, the e2e runs and the benchmark are filled with.
import { statuses, type Status } from "@/db/schema";

interface DemoIntegration {
  type: string;
  name: string;
  data: (n: number) => Record<string, string>;
  callback?: boolean;
}

const hex = (n: number, len: number) =>
  ((n * 2654435761) >>> 0).toString(16).padStart(8, "0").repeat(4).slice(0, len);

const DEMO_INTEGRATIONS: DemoIntegration[] = [
  {
    type: "jobadder",
    name: "JobAdder",
    callback: true,
    data: (n) => ({
      clientId: `ja-${hex(n, 12)}`,
      clientSecret: `jas_${hex(n + 1, 24)}`,
      accountId: String(10_000 + (n % 9_000)),
    }),
  },
  {
    type: "workday",
    name: "Workday Recruiting",
    data: (n) => ({
      tenant: `acme${n % 97}`,
      username: `isu_recruiting_${n % 13}`,
      password: `Wd!${hex(n, 16)}`,
      endpoint: `https://wd5-impl-services1.workday.com/ccx/service/acme${n % 97}`,
    }),
  },
  {
    type: "bullhorn",
    name: "Bullhorn",
    callback: true,
    data: (n) => ({
      clientId: hex(n, 32),
      clientSecret: hex(n + 7, 32),
      username: `api.user${n % 50}`,
      password: `Bh-${hex(n, 12)}`,
    }),
  },
  {
    type: "greenhouse",
    name: "Greenhouse",
    data: (n) => ({ harvestApiKey: `gh_${hex(n, 32)}`, onBehalfOfUserId: String(4_000_000 + (n % 100_000)) }),
  },
  {
    type: "lever",
    name: "Lever",
    callback: true,
    data: (n) => ({
      clientId: `lever-${hex(n, 12)}`,
      clientSecret: hex(n + 5, 40),
      webhookSigningToken: hex(n + 3, 32),
    }),
  },
  {
    type: "smartrecruiters",
    name: "SmartRecruiters",
    data: (n) => ({ apiToken: `DCRA1-${hex(n, 32)}`, companyId: `acme-${n % 500}` }),
  },
  {
    type: "icims",
    name: "iCIMS",
    data: (n) => ({
      customerId: String(5_000 + (n % 4_000)),
      username: `icims_api_${n % 20}`,
      password: `Ic#${hex(n, 14)}`,
    }),
  },
  {
    type: "custom",
    name: "Custom ATS",
    data: (n) => ({
      baseUrl: `https://ats${n % 40}.example.com/api`,
      apiKey: hex(n + 11, 32),
      notes: "Nightly sync of candidates and jobs",
    }),
  },
];

const SOURCES = ["integration_overview", "integration_catalog", "api", "onboarding"];
// Most requests are still open; fewer have failed.
const STATUS_WEIGHTS: Record<Status, number> = { pending: 4, in_progress: 3, completed: 5, failed: 1 };
const STATUS_WHEEL: Status[] = statuses.flatMap((s) => Array<Status>(STATUS_WEIGHTS[s]).fill(s));

export interface DemoRow {
  integrationType: string;
  integrationName: string;
  status: Status;
  data: Record<string, string>;
  callbackUrl: string | null;
  source: string;
  submittedAt: Date;
  updatedAt: Date;
}

/** The n-th demo row: deterministic, spread over the 90 days before `now`. */
export function demoRow(n: number, now: number): DemoRow {
  const integration = DEMO_INTEGRATIONS[n % DEMO_INTEGRATIONS.length]!;
  const age = ((n * 7919) % (90 * 24 * 60)) * 60_000;
  const submittedAt = new Date(now - age);
  const status = STATUS_WHEEL[(n * 31) % STATUS_WHEEL.length]!;
  const updatedAt =
    status === "pending" ? submittedAt : new Date(submittedAt.getTime() + ((n * 104_729) % age || 0));
  return {
    integrationType: integration.type,
    integrationName: integration.name,
    status,
    data: integration.data(n),
    callbackUrl: integration.callback
      ? `https://app.example.com/api/integrations/${integration.type}/callback`
      : null,
    source: SOURCES[n % SOURCES.length]!,
    submittedAt,
    updatedAt,
  };
}

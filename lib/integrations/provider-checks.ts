// How each system's credentials are checked: one cheap authenticated read, whose answer says
// whether the provider took them. Every provider address can be moved with
// INTEGRATION_<SLUG>_API_URL (tests point them at loopback fakes); a URL the customer typed
// (Workday's endpoint) is used as given, through the same guard as every other (safeFetch).
// OAuth systems (JobAdder, Bullhorn, Lever) are checked with the tokens the hub holds
// (oauth-providers.ts); Custom has nothing to check.
import "server-only";
import type { RequestInit } from "undici";
import { providerUrl } from "./provider-urls";

export interface ProviderCheck {
  /** The request that proves the credentials, or undefined when a field it needs is missing. */
  request: (data: Record<string, unknown>) => { url: string; init: RequestInit } | undefined;
}

const text = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === "string" && data[key] !== "" ? (data[key] as string) : undefined;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;

/** The provider's API root: INTEGRATION_<SLUG>_API_URL, else its documented address. */
const apiUrl = (slug: string, documented: string) => providerUrl(slug, "API", documented);

const workdayEnvelope = (user: string, password: string) => `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc">
  <env:Header><wsse:Security env:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>${escapeXml(user)}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${escapeXml(password)}</wsse:Password></wsse:UsernameToken></wsse:Security></env:Header>
  <env:Body><bsvc:Get_Job_Requisitions_Request bsvc:version="v42.0"><bsvc:Response_Filter><bsvc:Count>1</bsvc:Count></bsvc:Response_Filter></bsvc:Get_Job_Requisitions_Request></env:Body>
</env:Envelope>`;

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const providerChecks: Record<string, ProviderCheck> = {
  // Harvest: the API key as the Basic user name, no password; GET /v1/users is the smallest read
  // (developers.greenhouse.io/harvest.html, "Authentication" and "GET: List Users").
  greenhouse: {
    request: (data) => {
      const key = text(data, "harvestApiKey");
      if (!key) return undefined;
      return {
        url: `${apiUrl("greenhouse", "https://harvest.greenhouse.io")}/v1/users?per_page=1`,
        init: { headers: { authorization: basic(key, "") } },
      };
    },
  },
  // The X-SmartToken header on the Customer API; GET /jobs?limit=1 is one job at most
  // (developers.smartrecruiters.com, "Authentication: API key" and the Job API).
  smartrecruiters: {
    request: (data) => {
      const token = text(data, "apiToken");
      if (!token) return undefined;
      return {
        url: `${apiUrl("smartrecruiters", "https://api.smartrecruiters.com")}/jobs?limit=1`,
        init: { headers: { "x-smarttoken": token } },
      };
    },
  },
  // Basic auth per customer on api.icims.com; the Search API's people search, which lists ids only
  // (developer.icims.com, REST API "Authentication" and "Search API").
  icims: {
    request: (data) => {
      const [customer, user, password] = [
        text(data, "customerId"),
        text(data, "username"),
        text(data, "password"),
      ];
      if (!customer || !user || !password) return undefined;
      return {
        url: `${apiUrl("icims", "https://api.icims.com")}/customers/${encodeURIComponent(customer)}/search/people`,
        init: { headers: { authorization: basic(user, password) } },
      };
    },
  },
  // SOAP with a WS-Security user name token (the ISU as user@tenant) against the tenant's own
  // endpoint; Get_Job_Requisitions with a count of 1 (Workday Web Services, Recruiting service).
  workday: {
    request: (data) => {
      const [tenant, user, password, endpoint] = ["tenant", "username", "password", "endpoint"].map((k) =>
        text(data, k),
      );
      if (!tenant || !user || !password || !endpoint) return undefined;
      return {
        url: `${apiUrl("workday", endpoint)}/Recruiting/v42.0`,
        init: {
          method: "POST",
          headers: { "content-type": "text/xml; charset=utf-8" },
          body: workdayEnvelope(`${user}@${tenant}`, password),
        },
      };
    },
  },
};

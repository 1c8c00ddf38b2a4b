// The OpenAPI 3.1 document, built from the zod schemas that validate requests and describe
// responses, so documentation and behaviour cannot drift apart.
import { oauthProviders } from "./oauth-providers";
import { keyPaths } from "@/lib/auth/openapi-keys";
import { webhookPaths } from "@/lib/webhooks/openapi-webhooks";
import { signupBody, tokenBody } from "@/lib/auth/schemas";
import { apiScopes } from "@/lib/auth/scopes";
import {
  bulkStatusResponse,
  connectionTestResponse,
  emailQueuedResponse,
  emailSentResponse,
  eventsResponse,
  healthResponse,
  listResponse,
  messageQueuedResponse,
  messageResponse,
  oneResponse,
  signupResponse,
  submitResponse,
  tokenResponse,
} from "./api-responses";
import {
  AUTHED,
  PEOPLE,
  body,
  failures,
  failuresSaying,
  header,
  idParameter,
  json,
  keyed,
  queryParameters,
  type OpenApiDocument,
} from "./openapi-parts";
import {
  bulkStatusBody,
  callbackQuery,
  messageBody,
  getQuery,
  listQuery,
  ownListQuery,
  sendEmailBody,
  submitBody,
  updateBody,
} from "./schemas";

const LIST_FAILURES = {
  "400":
    "Failed validation (`details` names each bad field), or `search_too_broad`: the search's matches lie too thinly in every index range that could list them in this order to page through quickly; `details` names `q` and says how many it matches. Narrow it (more of a name, type or email; a status, type or owner filter) or sort by another column",
};

export function openApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Integrations Hub API",
      version: "1.0.0",
      description:
        "Submit, track and update integration requests. Errors: `{ success: false, error, code, details? }`.",
    },
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A token from POST /api/auth/token: acts as the person, within their role",
        },
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "ih_ API key",
          description: `An API key from POST /api/keys (\`Authorization: Bearer ih_…\`): acts as its owner within its scopes, which each operation names (${apiScopes.map((s) => `\`${s}\``).join(", ")}). Missing scope: 403 \`insufficient_scope\`.`,
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The web app's sign-in session; state-changing calls must come from the app's origin",
        },
      },
    },
    security: PEOPLE,
    paths: {
      "/api/auth/token": {
        post: {
          summary: "Exchange email and password for a Bearer token",
          security: [],
          requestBody: body(tokenBody),
          responses: {
            "200": { description: "A signed JWT", ...json(tokenResponse) },
            ...failures("400", "401", "415", "429", "503"),
          },
        },
      },
      "/api/auth/signup": {
        post: {
          summary: "Create an account (unless sign-up is disabled)",
          security: [],
          requestBody: body(signupBody),
          responses: {
            "201": { description: "Created", ...json(signupResponse) },
            ...failuresSaying(
              {
                "403": "Sign-up is disabled here (ALLOW_SIGNUP=false)",
                "409": "An account with this email already exists",
              },
              "400",
              "403",
              "409",
              "415",
              "429",
              "503",
            ),
          },
        },
      },
      "/api/auth/revoke": {
        post: {
          summary:
            "Sign out everywhere: every session and token of the caller issued until now stops working",
          responses: {
            "200": {
              description:
                "Revoked: sessions and bearer tokens issued before this call answer 401 from now on, on every instance (a token issued in the same second counts as before). Disabling a user does the same.",
              ...json(messageResponse),
            },
            ...failures(...AUTHED),
          },
        },
      },
      "/api/integrations/submit": {
        post: {
          summary: "Submit an integration request",
          security: keyed("integrations:write"),
          parameters: [header("Idempotency-Key", "Same key and body within 24 h replays the first response")],
          requestBody: body(submitBody),
          responses: {
            "201": { description: "Created", ...json(submitResponse) },
            ...failures(...AUTHED, "403", "409", "413", "415"),
          },
        },
      },
      "/api/integrations": {
        get: {
          summary: "The caller's own submissions",
          security: keyed("integrations:read"),
          parameters: queryParameters(ownListQuery),
          responses: {
            "200": { description: "One page", ...json(listResponse) },
            ...failuresSaying(LIST_FAILURES, ...AUTHED),
          },
        },
      },
      "/api/integrations/all": {
        get: {
          summary: "All submissions (admin)",
          security: keyed("admin"),
          parameters: queryParameters(listQuery),
          responses: {
            "200": { description: "One page", ...json(listResponse) },
            ...failuresSaying(LIST_FAILURES, ...AUTHED, "403"),
          },
        },
      },
      "/api/integrations/export": {
        get: {
          summary: "All submissions matching the list filters as a streamed CSV (admin); data masked",
          security: keyed("admin"),
          parameters: queryParameters(listQuery.omit({ limit: true, cursor: true })),
          responses: {
            "200": { description: "text/csv attachment, one row per submission" },
            ...failures(...AUTHED, "403"),
          },
        },
      },
      "/api/integrations/bulk-status": {
        post: {
          summary: "Set the status of every submission matching a filter (admin; at most 5,000)",
          security: keyed("admin"),
          requestBody: body(bulkStatusBody),
          responses: {
            "200": { description: "Updated", ...json(bulkStatusResponse) },
            ...failures(...AUTHED, "403", "413", "415"),
          },
        },
      },
      "/api/integrations/{id}": {
        get: {
          summary: "One submission (owner or admin)",
          security: keyed("integrations:read"),
          parameters: [
            idParameter,
            ...queryParameters(getQuery),
            header("If-None-Match", "An ETag from before"),
          ],
          responses: {
            "200": { description: "The submission; `ETag` header holds its version", ...json(oneResponse) },
            "304": { description: "Unchanged since the If-None-Match ETag" },
            ...failures(...AUTHED, "404"),
          },
        },
      },
      "/api/integrations/{id}/update": {
        put: {
          summary: "Update data and/or status (owner or admin)",
          security: keyed("integrations:write"),
          parameters: [idParameter, header("If-Match", "The ETag from GET /api/integrations/{id}")],
          requestBody: body(updateBody),
          responses: {
            "200": { description: "Updated; `ETag` header holds the new version", ...json(messageResponse) },
            ...failures(...AUTHED, "404", "409", "413", "415"),
          },
        },
      },
      "/api/integrations/{id}/events": {
        get: {
          summary: "Audit history, oldest first (owner or admin)",
          security: keyed("integrations:read"),
          parameters: [idParameter],
          responses: {
            "200": { description: "Events", ...json(eventsResponse) },
            ...failures(...AUTHED, "404"),
          },
        },
      },
      "/api/integrations/{id}/message": {
        post: {
          summary: "A message to the owner without a status change (admin): in their history and emailed",
          security: keyed("admin"),
          parameters: [idParameter],
          requestBody: body(messageBody),
          responses: {
            "202": { description: "Recorded, and the email queued", ...json(messageQueuedResponse) },
            ...failures(...AUTHED, "403", "404", "413", "415"),
          },
        },
      },
      "/api/integrations/{id}/test": {
        post: {
          summary:
            "Check the stored credentials against the provider now (owner or admin); recorded on the item and in its history",
          security: keyed("integrations:write"),
          parameters: [idParameter],
          responses: {
            "200": {
              description: "What the provider answered (10 s at most)",
              ...json(connectionTestResponse),
            },
            ...failuresSaying(
              {
                "409":
                  "`not_testable`: the type has no check; `not_connected`: an OAuth type without its connection yet",
              },
              ...AUTHED,
              "404",
              "409",
              "429",
            ),
          },
        },
      },
      "/api/integrations/{id}/connect": {
        get: {
          summary:
            "OAuth types (jobadder, bullhorn, lever), the owner only: redirect to the provider's consent page with a state good for 10 minutes",
          security: keyed("integrations:write"),
          parameters: [idParameter],
          responses: {
            "302": { description: "To the provider's authorize URL" },
            ...failuresSaying(
              {
                "403": "Only the owner connects (an admin too is refused)",
                "409":
                  "`not_oauth`: the type has no OAuth; `missing_client`: no client ID and secret in its data",
              },
              ...AUTHED,
              "403",
              "404",
              "409",
              "429",
            ),
          },
        },
      },
      "/api/integrations/{type}/callback": {
        get: {
          summary:
            "Where the provider sends the owner back: spends the state, exchanges the code, keeps the tokens sealed",
          security: PEOPLE,
          parameters: [
            {
              name: "type",
              in: "path",
              required: true,
              schema: { type: "string", enum: Object.keys(oauthProviders) },
            },
            ...queryParameters(callbackQuery),
          ],
          responses: {
            "303": {
              description:
                "To the request's page (`?connected=1`), or to /integrations/connection-problem?reason=… (state missing, unknown, expired, used or someone else's; access denied; exchange failed) with nothing stored; to sign-in first without a session",
            },
            ...failures("400", "404", "503"),
          },
        },
      },
      "/api/integrations/test": {
        post: {
          summary: "Check credentials before submitting them (a submit's body); nothing is stored",
          security: keyed("integrations:write"),
          requestBody: body(submitBody),
          responses: {
            "200": {
              description: "What the provider answered (10 s at most)",
              ...json(connectionTestResponse),
            },
            ...failuresSaying(
              {
                "400": "Failed validation, or `unsafe_url`: a provider address that is not public https",
                "409": "`not_testable` or `not_connected`, as for a stored submission",
              },
              ...AUTHED,
              "409",
              "413",
              "415",
              "429",
            ),
          },
        },
      },
      "/api/integrations/send-email": {
        post: {
          summary: "Send an integration email",
          security: keyed("email:send"),
          requestBody: body(sendEmailBody),
          responses: {
            "200": { description: "Delivered", ...json(emailSentResponse) },
            "202": { description: "Mail server unavailable; queued", ...json(emailQueuedResponse) },
            ...failures(...AUTHED, "403", "413", "415", "429"),
          },
        },
      },
      ...keyPaths,
      ...webhookPaths,
      "/api/health": {
        get: {
          summary: "Readiness",
          security: [],
          responses: {
            "200": { description: "App and database answer", ...json(healthResponse) },
            ...failures("503"),
          },
        },
      },
    },
  };
}

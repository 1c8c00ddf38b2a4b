// The OpenAPI paths of webhooks (/api/webhooks): managed with a session or a token, never a key.
import { messageResponse } from "@/lib/integrations/api-responses";
import {
  AUTHED,
  body,
  failures,
  failuresSaying,
  idParameter,
  json,
  PEOPLE,
  queryParameters,
  type OpenApiDocument,
} from "@/lib/integrations/openapi-parts";
import {
  createWebhookBody,
  deliveriesQuery,
  deliveriesResponse,
  newWebhookResponse,
  rotatedSecretResponse,
  testResponse,
  updateWebhookBody,
  webhookResponse,
  webhooksResponse,
} from "./schemas";

const webhookId = { ...idParameter, description: "The endpoint's id" };
const NOT_YOURS = { "404": "No such endpoint (also another user's, for non-admins)" };

export const webhookPaths: OpenApiDocument["paths"] = {
  "/api/webhooks": {
    get: {
      summary: "Your webhook endpoints (an admin: everyone's, with userEmail)",
      security: PEOPLE,
      responses: {
        "200": { description: "Newest first", ...json(webhooksResponse) },
        ...failures(...AUTHED),
      },
    },
    post: {
      summary: "A new endpoint; its signing secret is in this response only",
      security: PEOPLE,
      requestBody: body(createWebhookBody),
      responses: {
        "201": { description: "Created", ...json(newWebhookResponse) },
        ...failuresSaying(
          {
            "400": "Failed validation, or `unsafe_url`: not https, or resolving to a private address",
            "403": "`scope: all` asked for by someone who is not an admin",
          },
          ...AUTHED,
          "403",
          "413",
          "415",
        ),
      },
    },
  },
  "/api/webhooks/{id}": {
    get: {
      summary: "One endpoint (owner or admin)",
      security: PEOPLE,
      parameters: [webhookId],
      responses: {
        "200": { description: "The endpoint", ...json(webhookResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404"),
      },
    },
    patch: {
      summary: "Change its URL, events, description, or turn it off and on (on again: failures reset)",
      security: PEOPLE,
      parameters: [webhookId],
      requestBody: body(updateWebhookBody),
      responses: {
        "200": { description: "Changed", ...json(webhookResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404", "413", "415"),
      },
    },
    delete: {
      summary: "Delete it and its deliveries",
      security: PEOPLE,
      parameters: [webhookId],
      responses: {
        "200": { description: "Deleted", ...json(messageResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404"),
      },
    },
  },
  "/api/webhooks/{id}/rotate": {
    post: {
      summary: "A new signing secret (in this response only); the old one also signs for 24 hours",
      security: PEOPLE,
      parameters: [webhookId],
      responses: {
        "201": { description: "Rotated", ...json(rotatedSecretResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404"),
      },
    },
  },
  "/api/webhooks/{id}/test": {
    post: {
      summary: "Send a webhook.test event now; the answer it got",
      security: PEOPLE,
      parameters: [webhookId],
      responses: {
        "202": { description: "Sent (delivered or not: see delivery)", ...json(testResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404"),
      },
    },
  },
  "/api/webhooks/{id}/deliveries": {
    get: {
      summary: "The latest 100 events for it, each with its attempts",
      security: PEOPLE,
      parameters: [webhookId, ...queryParameters(deliveriesQuery)],
      responses: {
        "200": { description: "Newest first", ...json(deliveriesResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404"),
      },
    },
  },
  "/api/webhooks/{id}/deliveries/{deliveryId}/retry": {
    post: {
      summary: "Send a delivery again now (its attempts are kept)",
      security: PEOPLE,
      parameters: [webhookId, { ...idParameter, name: "deliveryId", description: "The delivery's id" }],
      responses: {
        "202": { description: "Queued", ...json(messageResponse) },
        ...failuresSaying(NOT_YOURS, ...AUTHED, "404"),
      },
    },
  },
};

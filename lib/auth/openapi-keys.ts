// The OpenAPI paths of API key management (/api/keys), which a key itself may never call.
import {
  failures,
  failuresSaying,
  body,
  idParameter,
  json,
  queryParameters,
  PEOPLE,
  AUTHED,
  type OpenApiDocument,
} from "@/lib/integrations/openapi-parts";
import { messageResponse } from "@/lib/integrations/api-responses";
import { createKeyBody, keysQuery, keysResponse, newKeyResponse, rotateKeyBody } from "./key-schemas";

const keyId = { ...idParameter, description: "The key's id" };
const KEY_404 = { "404": "No such key (also another user's, for non-admins)" };

export const keyPaths: OpenApiDocument["paths"] = {
  "/api/keys": {
    get: {
      summary: "Your API keys, without their secrets (admins: `?all=true` for everyone's)",
      security: PEOPLE,
      parameters: queryParameters(keysQuery),
      responses: {
        "200": { description: "The keys, oldest first", ...json(keysResponse) },
        ...failures(...AUTHED, "403"),
      },
    },
    post: {
      summary: "Create an API key; its secret is in this response only",
      security: PEOPLE,
      requestBody: body(createKeyBody),
      responses: {
        "201": { description: "Created", ...json(newKeyResponse) },
        ...failuresSaying(
          {
            "403": "The `admin` scope asked for by someone who is not an admin",
            "409": "`too_many_keys`: 100 already",
          },
          ...AUTHED,
          "403",
          "409",
          "413",
          "415",
        ),
      },
    },
  },
  "/api/keys/{id}": {
    delete: {
      summary: "Revoke a key (owner or admin): it stops working with the next request",
      security: PEOPLE,
      parameters: [keyId],
      responses: {
        "200": { description: "Revoked", ...json(messageResponse) },
        ...failuresSaying(KEY_404, ...AUTHED, "403", "404"),
      },
    },
  },
  "/api/keys/{id}/rotate": {
    post: {
      summary: "A new secret for a key (owner or admin); the old one works for `graceSeconds` more",
      security: PEOPLE,
      parameters: [keyId],
      requestBody: { ...body(rotateKeyBody), required: false },
      responses: {
        "201": { description: "The key with its new secret, shown only here", ...json(newKeyResponse) },
        ...failuresSaying(KEY_404, ...AUTHED, "403", "404", "413", "415"),
      },
    },
  },
};

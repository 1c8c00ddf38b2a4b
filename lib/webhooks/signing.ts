// Standard Webhooks signing (standardwebhooks.com): a secret is "whsec_" + base64 of 32 random
// bytes; a signature is "v1," + base64 HMAC-SHA256, keyed with the decoded secret, of
// "<webhook-id>.<webhook-timestamp>.<body>". Several signatures are sent space-separated.
import { createHmac, randomBytes } from "node:crypto";

export const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

export const newMessageId = () => `msg_${randomBytes(16).toString("hex")}`;

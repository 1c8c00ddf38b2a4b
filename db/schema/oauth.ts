import { bigint, char, index, int, mysqlTable, text, varchar } from "drizzle-orm/mysql-core";
import { createdNow, instant } from "./columns";
import { integrationSubmissions } from "./integration-submissions";

// One row per "Connect" (lib/integrations/oauth-connect.ts): the `state` sent to the provider,
// stored as its SHA-256 so a copy of this table cannot finish anyone's connection. It is bound to
// the person and the submission that started it, ends after 10 minutes and is spent once: the
// callback marks it used instead of deleting it, so a replay is told apart from a forgery.
export const oauthStates = mysqlTable(
  "oauth_states",
  {
    stateHash: char("state_hash", { length: 64 }).primaryKey(), // hex
    submissionId: bigint("submission_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => integrationSubmissions.id, { onDelete: "cascade" }),
    userId: bigint("user_id", { mode: "number", unsigned: true }).notNull(),
    // The PKCE verifier, sealed like every credential (null for providers without PKCE).
    verifier: varchar("verifier", { length: 255 }),
    createdAt: createdNow("created_at"),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [index("oauth_states_expires_idx").on(t.expiresAt)],
);

// The tokens a provider gave for a submission (lib/integrations/oauth-tokens.ts), sealed as one
// JSON object with the data cipher. `version` changes with every renewal; a renewal is claimed
// first (refresh_claim until refresh_claimed_until), so however many requests and processes need
// a fresh token at once, one of them spends the refresh token and the others wait for its result.
export const integrationTokens = mysqlTable("integration_tokens", {
  submissionId: bigint("submission_id", { mode: "number", unsigned: true })
    .primaryKey()
    .references(() => integrationSubmissions.id, { onDelete: "cascade" }),
  sealed: text("sealed").notNull(),
  expiresAt: instant("expires_at"),
  version: int("version", { unsigned: true }).notNull().default(1),
  refreshClaim: char("refresh_claim", { length: 36 }),
  refreshClaimedUntil: instant("refresh_claimed_until"),
  connectedAt: createdNow("connected_at"),
  refreshedAt: instant("refreshed_at"),
});

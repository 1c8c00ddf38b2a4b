import {
  bigint,
  boolean,
  index,
  int,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  varchar,
} from "drizzle-orm/mysql-core";
import { createdNow, instant } from "./columns";

// Where events go (lib/webhooks): a URL checked like every URL a user gives, the event types it
// wants, whose submissions (its owner's, or with scope "all" everyone's), and its signing secret,
// sealed with the data cipher (it must be read to sign, so it cannot be a hash). A rotation keeps
// the previous secret until previous_until: both signatures are sent meanwhile.
export const webhookEndpoints = mysqlTable(
  "webhook_endpoints",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    userId: bigint("user_id", { mode: "number", unsigned: true }).notNull(),
    url: varchar("url", { length: 2048 }).notNull(),
    // Space-separated event types.
    events: varchar("events", { length: 255 }).notNull(),
    description: varchar("description", { length: 255 }),
    scope: mysqlEnum("scope", ["own", "all"]).notNull().default("own"),
    enabled: boolean("enabled").notNull().default(true),
    secret: varchar("secret", { length: 255 }).notNull(),
    previousSecret: varchar("previous_secret", { length: 255 }),
    previousUntil: instant("previous_until"),
    // Failed deliveries in a row; at 20 the endpoint is disabled and its owner told.
    failures: int("failures", { unsigned: true }).notNull().default(0),
    createdAt: createdNow("created_at"),
  },
  (t) => [index("we_user_idx").on(t.userId)],
);

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;

// One event for one endpoint, written in the transaction of the change it reports. Its body is
// fixed then, so every retry sends the same bytes under the same webhook-id.
export const webhookDeliveries = mysqlTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    endpointId: bigint("endpoint_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    // Deliveries of one submission to one endpoint go in order; a test event has none.
    submissionId: bigint("submission_id", { mode: "number", unsigned: true }),
    messageId: varchar("message_id", { length: 40 }).notNull(),
    type: varchar("type", { length: 40 }).notNull(),
    body: mediumtext("body").notNull(),
    status: mysqlEnum("status", webhookDeliveryStatuses).notNull().default("pending"),
    attempts: int("attempts", { unsigned: true }).notNull().default(0),
    nextAttemptAt: createdNow("next_attempt_at"),
    lockedUntil: instant("locked_until"),
    responseStatus: int("response_status"),
    durationMs: int("duration_ms", { unsigned: true }),
    lastError: varchar("last_error", { length: 255 }),
    createdAt: createdNow("created_at"),
    deliveredAt: instant("delivered_at"),
  },
  (t) => [
    index("wd_due_idx").on(t.status, t.nextAttemptAt),
    index("wd_endpoint_idx").on(t.endpointId, t.id),
    index("wd_order_idx").on(t.endpointId, t.submissionId, t.status),
  ],
);

// Every attempt, as the receiver answered it: the first 1 KiB of its body is kept as text and
// never rendered as HTML.
export const webhookAttempts = mysqlTable(
  "webhook_attempts",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    deliveryId: bigint("delivery_id", { mode: "number", unsigned: true })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    responseStatus: int("response_status"),
    durationMs: int("duration_ms", { unsigned: true }).notNull(),
    error: varchar("error", { length: 255 }),
    responseBody: varchar("response_body", { length: 1024 }),
    createdAt: createdNow("created_at"),
  },
  (t) => [index("wa_delivery_idx").on(t.deliveryId, t.id)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

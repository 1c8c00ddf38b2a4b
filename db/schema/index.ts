export * from "./users";
export * from "./integration-submissions";
export * from "./integration-events";
export * from "./idempotency-keys";
export * from "./rate-limits";
export * from "./email-outbox";
export * from "./submission-counts";
export * from "./submission-groups";

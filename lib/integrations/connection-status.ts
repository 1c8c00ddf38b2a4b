// How a submission's connection stands (docs/api.md, "Connections"). Plain data: the schema, the
// API's zod schemas and the pages take it from here.
export const connectionStatuses = [
  "untested",
  "not_connected",
  "ok",
  "failed",
  "needs_reauth",
  "unsupported",
] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** What a check can find and store; the other states follow from the type until one has run. */
export const checkResults = ["ok", "failed", "needs_reauth"] as const;
export type CheckResult = (typeof checkResults)[number];

/** How an item shows its connection (lists, GET one). */
export interface Connection {
  status: ConnectionStatus;
  checkedAt: string | null;
  message: string | null;
}

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  untested: "Not tested yet",
  not_connected: "Not connected",
  ok: "Connected",
  failed: "Check failed",
  needs_reauth: "Needs to be connected again",
  unsupported: "No check for this system",
};

/** The same, short enough for a table cell. */
export const CONNECTION_SHORT: Record<ConnectionStatus, string> = {
  untested: "Not tested",
  not_connected: "Not connected",
  ok: "Connected",
  failed: "Failing",
  needs_reauth: "Reconnect",
  unsupported: "—",
};

/** The states that need someone to act: the admin's "Needs attention" filter. */
export const attentionStatuses = ["failed", "needs_reauth"] as const satisfies readonly CheckResult[];

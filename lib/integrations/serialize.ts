// A stored submission as the API shows it: decrypted, secrets masked unless revealed, ISO times.
import type { IntegrationSubmission, Status } from "@/db/schema";
import { openData } from "@/lib/crypto/data-cipher";
import { connectionOf } from "./connection";
import type { Connection } from "./connection-status";
import { maskSecrets } from "./mask-secrets";

export interface IntegrationDto {
  id: number;
  userId: number;
  userEmail: string;
  integrationType: string;
  integrationName: string;
  status: Status;
  submittedAt: string;
  updatedAt: string;
  data: Record<string, unknown>;
  callbackUrl: string | null;
  source: string | null;
  savedToServer: boolean;
  connection: Connection;
}

export type ShownColumns = Omit<IntegrationSubmission, "version">;

export function toIntegrationDto(row: ShownColumns, options: { reveal?: boolean } = {}): IntegrationDto {
  const data = openData(row.data);
  return {
    id: row.id,
    userId: row.userId,
    userEmail: row.userEmail,
    integrationType: row.integrationType,
    integrationName: row.integrationName,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    data: options.reveal ? data : maskSecrets(data),
    callbackUrl: row.callbackUrl,
    source: row.source,
    savedToServer: row.savedToServer,
    connection: connectionOf(row),
  };
}

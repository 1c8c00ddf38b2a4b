// Reading one submission (owner or admin), masked, or in full with `reveal`, which is audited.
import "server-only";
import { db } from "@/db";
import type { AuthUser } from "@/lib/auth/user";
import { errors } from "@/lib/http/errors";
import { findVisible } from "./access";
import { recordEvent } from "./events";
import { toIntegrationDto, type IntegrationDto } from "./serialize";

export async function getIntegration(
  caller: AuthUser,
  id: number,
  options: { reveal?: boolean } = {},
): Promise<{ integration: IntegrationDto; version: number }> {
  const row = await findVisible(caller, id);
  if (!row) throw errors.notFound();
  const integration = toIntegrationDto(row, { reveal: options.reveal });
  // Recorded only once the data has been decrypted, i.e. when the secrets really are handed out.
  if (options.reveal) await recordEvent(db(), row.id, caller, "revealed");
  return { integration, version: row.version };
}

import type { OutboxListItem } from "@/lib/mail/outbox-queries";
import { OutboxRows } from "./outbox-rows";

/** Outbox rows: the dev mailbox page and a submission's detail both show emails this way. */
export function OutboxTable({
  items,
  previewHref,
}: {
  items: OutboxListItem[];
  previewHref?: (id: number) => string;
}) {
  // Links are worked out here, on the server: a function cannot cross to the client table.
  return <OutboxRows rows={items.map((item) => ({ ...item, href: previewHref?.(item.id) }))} />;
}

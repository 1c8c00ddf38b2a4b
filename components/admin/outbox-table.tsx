import Link from "next/link";
import type { OutboxListItem } from "@/lib/mail/outbox-queries";
import { Timestamp } from "@/components/integrations/relative-time";
import { cn } from "@/components/ui/cn";
import { stacked } from "@/components/ui/stacked-table";
import { OutboxStatusBadge } from "./outbox-status";
import { RetryEmailButton } from "./retry-email-button";

/** Outbox rows: the dev mailbox page and a submission's detail both show emails this way. */
export function OutboxTable({
  items,
  previewHref,
}: {
  items: OutboxListItem[];
  previewHref?: (id: number) => string;
}) {
  if (items.length === 0) return <p className="px-4 py-10 text-center text-sm text-slate-500">No emails.</p>;
  return (
    // relative: the sr-only header label is positioned absolutely and would escape the scroll box.
    <div className="relative overflow-x-auto">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", stacked.table)}>
        <thead className={cn("bg-slate-50 text-left text-slate-700", stacked.head)}>
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Created
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              To
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Subject
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Attempts
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Last error
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-slate-100", stacked.body)}>
          {items.map((item) => (
            <tr key={item.id} className={cn("align-top", stacked.row)}>
              <td
                data-label="Created"
                className={cn("whitespace-nowrap px-3 py-2 text-slate-600", stacked.cell)}
              >
                <Timestamp iso={item.createdAt.toISOString()} />
              </td>
              <td
                data-label="To"
                className={cn(
                  "max-w-[14rem] truncate whitespace-nowrap px-3 py-2 max-md:max-w-none",
                  stacked.cell,
                )}
                title={item.recipient}
              >
                {item.recipient}
              </td>
              <td
                data-label="Subject"
                className={cn("min-w-[12rem] max-w-md px-3 py-2 [overflow-wrap:anywhere]", stacked.cell)}
              >
                <div className="min-w-0">
                  {previewHref ? (
                    <Link href={previewHref(item.id)} className="font-medium text-link hover:underline">
                      {item.subject}
                    </Link>
                  ) : (
                    item.subject
                  )}
                  <span className="block text-xs text-slate-500">
                    {item.template}
                    {item.submissionId ? (
                      <>
                        {" · "}
                        <Link href={`/admin/${item.submissionId}`} className="hover:underline">
                          #{item.submissionId}
                        </Link>
                      </>
                    ) : null}
                  </span>
                </div>
              </td>
              <td data-label="Status" className={cn("px-3 py-2", stacked.cell)}>
                <OutboxStatusBadge status={item.status} attempts={item.attempts} />
              </td>
              <td data-label="Attempts" className={cn("px-3 py-2 tabular-nums", stacked.cell)}>
                {item.attempts}
              </td>
              <td
                data-label="Last error"
                className={cn("max-w-xs px-3 py-2 text-xs text-red-700", stacked.cell)}
              >
                {item.lastError ?? ""}
              </td>
              <td data-label="Actions" className={cn("px-3 py-2", stacked.cell)}>
                {item.status === "failed" || item.status === "pending" ? (
                  <RetryEmailButton id={item.id} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

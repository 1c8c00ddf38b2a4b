import Link from "next/link";
import type { OutboxListItem } from "@/lib/mail/outbox-queries";
import { Timestamp } from "@/components/integrations/relative-time";
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
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-700">
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
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                <Timestamp iso={item.createdAt.toISOString()} />
              </td>
              <td className="max-w-[14rem] truncate whitespace-nowrap px-3 py-2" title={item.recipient}>
                {item.recipient}
              </td>
              <td className="min-w-[12rem] max-w-md px-3 py-2 [overflow-wrap:anywhere]">
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
              </td>
              <td className="px-3 py-2">
                <OutboxStatusBadge status={item.status} attempts={item.attempts} />
              </td>
              <td className="px-3 py-2 tabular-nums">{item.attempts}</td>
              <td className="max-w-xs px-3 py-2 text-xs text-red-700">{item.lastError ?? ""}</td>
              <td className="px-3 py-2">
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

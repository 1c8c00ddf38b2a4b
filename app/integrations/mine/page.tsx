import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/http/errors";
import { validate } from "@/lib/http/validate";
import { listIntegrations } from "@/lib/integrations/list-query";
import { typeName } from "@/lib/integrations/catalog";
import { ownListQuery } from "@/lib/integrations/schemas";
import { StatusBadge } from "@/components/integrations/status-badge";
import { Timestamp } from "@/components/integrations/relative-time";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ConnectionBadge } from "@/components/integrations/connection-badge";
import type { ConnectionStatus } from "@/lib/integrations/connection-status";
import { leadClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "My integrations" };

const PAGE_SIZE = "50";

async function ownPage(userId: number, cursor: string | undefined) {
  try {
    // validate(): a cursor too long for the schema is a 400 like one the list cannot read.
    return await listIntegrations(
      { userId },
      validate(ownListQuery, { sort: "-updatedAt", limit: PAGE_SIZE, cursor }),
    );
  } catch (error) {
    // An edited or outdated link: start again from the most recent.
    if (cursor && error instanceof AppError && error.status === 400) redirect("/integrations/mine");
    throw error;
  }
}

const NEEDS_YOU: ReadonlySet<ConnectionStatus> = new Set(["failed", "needs_reauth", "not_connected"]);

export default async function MyIntegrationsPage({ searchParams }: PageProps<"/integrations/mine">) {
  const user = await requirePageUser("/integrations/mine");
  const { cursor } = await searchParams;
  const page = await ownPage(user.id, typeof cursor === "string" && cursor ? cursor : undefined);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className={titleClass()}>My integrations</h1>
        <Link href="/integrations" className={buttonClass("primary")}>
          {page.count === 0 ? "Connect an integration" : "Connect another"}
        </Link>
      </div>
      {page.integrations.length === 0 ? (
        <div className={cardClass({ padding: "none" }, "mt-8 px-6 py-16 text-center")}>
          <p className="font-medium">You have not requested any integration yet.</p>
          <p className={leadClass()}>Pick your ATS from the catalog to get started.</p>
          <Link href="/integrations" className={buttonClass("secondary", "mt-6")}>
            Browse integrations
          </Link>
        </div>
      ) : (
        <ul className={cardClass({ padding: "none" }, "mt-6 divide-y divide-slate-100 overflow-hidden")}>
          {page.integrations.map((item) => (
            <li key={item.id}>
              <Link
                href={`/integrations/mine/${item.id}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-4 hover:bg-slate-50"
              >
                {/* At least 10rem: on a phone the badges go under a name rather than break it letter by letter. */}
                <span className="min-w-40 flex-1">
                  <span className="block font-medium text-slate-900 [overflow-wrap:anywhere]">
                    {item.integrationName}
                  </span>
                  <span className="block text-sm text-slate-500">
                    #{item.id} · {typeName(item.integrationType)}
                  </span>
                </span>
                <StatusBadge status={item.status} />
                {/* A connection that needs the person: said in the list, not only on its page. */}
                {NEEDS_YOU.has(item.connection.status) ? (
                  <ConnectionBadge status={item.connection.status} />
                ) : null}
                <span className="w-full text-sm text-slate-500 sm:w-auto">
                  Updated <Timestamp iso={item.updatedAt} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {page.prevCursor || page.nextCursor ? (
        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3 text-sm">
          <p className="text-slate-500">{page.count} requests, most recently updated first</p>
          <div className="flex gap-2">
            {page.prevCursor ? (
              <Link
                href={`/integrations/mine?cursor=${encodeURIComponent(page.prevCursor)}`}
                className={buttonClass("secondary", "py-1")}
              >
                Newer
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link
                href={`/integrations/mine?cursor=${encodeURIComponent(page.nextCursor)}`}
                className={buttonClass("secondary", "py-1")}
              >
                Older
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </main>
  );
}

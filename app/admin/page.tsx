import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { requirePageAdmin } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/http/errors";
import { listIntegrations } from "@/lib/integrations/list-query";
import { listQuery, type ListQuery } from "@/lib/integrations/schemas";
import { attentionCount, dailyCounts, knownTypes, statusCounts } from "@/lib/integrations/overview";
import { Overview } from "@/components/admin/overview";
import { ADMIN_PAGE_SIZE } from "@/components/admin/page-size";
import { SubmissionsTable } from "@/components/admin/submissions-table";
import { TableSkeleton } from "@/components/admin/table-skeleton";
import { TableToolbar } from "@/components/admin/table-toolbar";
import { Alert } from "@/components/ui/alert";
import { linkClass, spreadRowClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: PageProps<"/admin">) {
  await requirePageAdmin("/admin");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  // The same schema and the same query as GET /api/integrations/all: one implementation.
  const query = listQuery.safeParse({ limit: String(ADMIN_PAGE_SIZE), ...raw });
  const [counts, attention, days, types] = await Promise.all([
    statusCounts(),
    attentionCount(),
    dailyCounts(),
    knownTypes(),
  ]);

  return (
    <main className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <div className={spreadRowClass()}>
        <h1 className={titleClass()}>Admin dashboard</h1>
        <div className="flex gap-4">
          <Link href="/admin/users" className={linkClass({ size: "sm", standalone: true })}>
            People →
          </Link>
          <Link href="/admin/emails" className={linkClass({ size: "sm", standalone: true })}>
            Email outbox →
          </Link>
        </div>
      </div>
      <Overview counts={counts} attention={attention} days={days} />
      {/* The table keeps its state in the URL (nuqs); only this page ships the adapter. */}
      <NuqsAdapter>
        <section aria-label="Submissions" className="space-y-4">
          <TableToolbar types={types} />
          {query.success ? (
            <Suspense key={JSON.stringify(query.data)} fallback={<TableSkeleton />}>
              <Submissions query={query.data} />
            </Suspense>
          ) : (
            <Alert>
              This link&apos;s filters are not valid (
              {query.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ")}).{" "}
              <Link href="/admin" className="font-semibold underline">
                Show all submissions
              </Link>
            </Alert>
          )}
        </section>
      </NuqsAdapter>
    </main>
  );
}

/**
 * The table, streamed in after the rest of the page. A 400 is the link's own problem (a search
 * too broad to page through, an edited or outdated cursor): it is said here, above a way back,
 * not as the error page meant for a database that is down.
 */
async function Submissions({ query }: { query: ListQuery }) {
  let page;
  try {
    page = await listIntegrations({ all: true }, query);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    const detail = error.code === "search_too_broad" ? `: the search ${error.details?.[0]?.message}` : "";
    return (
      <Alert>
        {error.code === "search_too_broad" ? error.message : "This link's page of results cannot be read"}
        {detail}.{" "}
        <Link href="/admin" className="font-semibold underline">
          Show all submissions
        </Link>
      </Alert>
    );
  }
  return <SubmissionsTable page={page} />;
}

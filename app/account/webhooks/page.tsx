import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isAdmin } from "@/lib/auth/user";
import { AppError } from "@/lib/http/errors";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { deliveriesQuery } from "@/lib/webhooks/schemas";
import { BackLink } from "@/components/ui/back-link";
import { cardClass } from "@/components/ui/card";
import { pillClass } from "@/components/ui/pill";
import { DeliveriesTable } from "@/components/webhooks/deliveries-table";
import { Webhooks } from "@/components/webhooks/webhooks";
import { leadClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Webhooks" };

const FILTERS = [undefined, "pending", "delivered", "failed"] as const;

export default async function WebhooksPage({ searchParams }: PageProps<"/account/webhooks">) {
  const user = await requirePageUser("/account/webhooks");
  const query = await searchParams;
  const webhooks = await listEndpoints(user);
  const id = typeof query.id === "string" && /^\d{1,15}$/.test(query.id) ? Number(query.id) : undefined;
  const filter = deliveriesQuery.safeParse({ status: query.status });
  const shown = id === undefined ? undefined : webhooks.find((webhook) => webhook.id === id);
  const deliveries = await (shown && filter.success
    ? listDeliveries(user, shown.id, filter.data).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) return undefined;
        throw error;
      })
    : undefined);
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <div>
        <BackLink href="/account">Your account</BackLink>
        <h1 className={titleClass("mt-2")}>Webhooks</h1>
        <p className={leadClass()}>
          We POST an event to your endpoints when your requests change, signed with the endpoint&apos;s secret
          (Standard Webhooks), and try again for a day when it does not answer 2xx.
        </p>
      </div>
      <Webhooks webhooks={webhooks} canSeeAll={isAdmin(user)} />
      {shown ? (
        <section aria-labelledby="deliveries" className="space-y-3">
          <h2 id="deliveries" className="text-lg font-semibold [overflow-wrap:anywhere]">
            Deliveries to {shown.url}
          </h2>
          <nav aria-label="Filter deliveries" className="flex flex-wrap gap-2 text-sm">
            {FILTERS.map((status) => {
              const current = (filter.success ? filter.data.status : undefined) === status;
              return (
                <Link
                  key={status ?? "all"}
                  href={`/account/webhooks?id=${shown.id}${status ? `&status=${status}` : ""}`}
                  aria-current={current ? "page" : undefined}
                  className={pillClass(current)}
                >
                  {status ?? "All"}
                </Link>
              );
            })}
          </nav>
          <div className={cardClass({ padding: "none" }, "overflow-hidden")}>
            <DeliveriesTable endpointId={shown.id} rows={deliveries ?? []} />
          </div>
        </section>
      ) : null}
    </main>
  );
}

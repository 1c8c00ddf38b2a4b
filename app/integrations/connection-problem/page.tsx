import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import type { ConnectProblemReason } from "@/lib/integrations/oauth-connect";
import { Alert } from "@/components/ui/alert";
import { linkClass, titleClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "Connection not finished" };

// Fixed sentences, picked by the reason in the address: nothing the provider or the address says
// is shown as it came.
const EXPLAIN: Record<ConnectProblemReason, { title: string; body: string }> = {
  state_missing: {
    title: "The way back had no state",
    body: "The provider sent you back without the state we gave it, so we could not tell which request this was for.",
  },
  state_unknown: {
    title: "We did not start this connection",
    body: "The address you came back with does not match any connection we started, or it is older than we keep.",
  },
  state_expired: {
    title: "The connection took too long",
    body: "A connection has to be finished within 10 minutes of clicking Connect.",
  },
  state_used: {
    title: "This connection was already finished",
    body: "The address you came back with has been used once and cannot be used again.",
  },
  state_foreign: {
    title: "Someone else started this connection",
    body: "You are signed in as a different person from the one who clicked Connect. Sign in as them to finish it.",
  },
  denied: {
    title: "Access was not granted",
    body: "The provider's consent page was left without granting access.",
  },
  exchange_failed: {
    title: "The provider did not accept the authorization",
    body: "Exchanging the authorization for access failed. Check the client ID and secret of your application and that our callback URL is registered with it.",
  },
};

export default async function ConnectionProblemPage({
  searchParams,
}: PageProps<"/integrations/connection-problem">) {
  const query = await searchParams;
  await requirePageUser("/integrations/mine");
  const reason = (
    typeof query.reason === "string" && Object.hasOwn(EXPLAIN, query.reason) ? query.reason : "state_unknown"
  ) as ConnectProblemReason;
  const id = typeof query.id === "string" && /^[1-9]\d{0,15}$/.test(query.id) ? query.id : undefined;
  const { title, body } = EXPLAIN[reason];
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className={titleClass()}>Connection not finished</h1>
      <Alert>
        <span className="font-semibold">{title}.</span> {body} Nothing was stored.
      </Alert>
      <p>
        {id ? (
          <Link href={`/integrations/mine/${id}`} className={linkClass({ weight: "medium" })}>
            Back to your request, to connect again
          </Link>
        ) : (
          <Link href="/integrations/mine" className={linkClass({ weight: "medium" })}>
            Go to my integrations, to connect again
          </Link>
        )}
      </p>
    </main>
  );
}

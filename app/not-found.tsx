import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-link">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-slate-600">
        The link may be mistyped, or what it pointed to is not yours to see. Integration requests open only
        for their owner and for admins.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClass("primary")}>
          Go to the start
        </Link>
        <Link href="/integrations/mine" className={buttonClass("secondary")}>
          My integrations
        </Link>
      </div>
    </main>
  );
}

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-link">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">You don&apos;t have access to this page</h1>
      <p className="mt-4 text-slate-600">
        This area is for administrators. If you think you should have access, ask an admin to grant it.
      </p>
      <Link href="/integrations" className={buttonClass("secondary", "mt-8")}>
        Back to integrations
      </Link>
    </main>
  );
}

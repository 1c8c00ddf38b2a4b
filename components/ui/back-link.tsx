import Link from "next/link";
import type { ReactNode } from "react";

/** "← Where you came from", as tall as a finger (44 px) though it reads as a small link. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="-mx-2 inline-flex min-h-11 items-center px-2 text-sm text-link hover:underline"
    >
      ← {children}
    </Link>
  );
}

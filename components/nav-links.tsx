"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonClass } from "@/components/ui/button";

/** The main menu, marking the page you are on (the longest link that contains it). */
export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return links.map((link) => (
    <Link
      key={link.href}
      href={link.href}
      aria-current={link.href === current ? "page" : undefined}
      className={buttonClass("ghost", link.href === current ? "bg-slate-100" : "")}
    >
      {link.label}
    </Link>
  ));
}

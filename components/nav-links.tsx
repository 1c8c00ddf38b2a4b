"use client";

import { useEffect, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button, buttonClass } from "@/components/ui/button";

/**
 * The main menu, marking the page you are on (the longest link that contains it). On a phone it
 * folds behind a Menu button, so the header is one row instead of three on every page.
 */
export function NavLinks({
  links,
  phoneOnly,
}: {
  links: { href: string; label: string }[];
  /** What the menu adds below the links on a phone, where the header has no room for it (sign out). */
  phoneOnly?: ReactNode;
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Following a link closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  if (links.length === 0) return null;
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        className="min-h-11 px-2 sm:hidden"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </Button>
      <div
        id="main-menu"
        className={`${open ? "flex" : "hidden"} flex-col gap-1 max-sm:absolute max-sm:inset-x-0 max-sm:top-full max-sm:border-b max-sm:border-slate-200 max-sm:bg-surface max-sm:px-4 max-sm:py-2 max-sm:shadow-md sm:flex sm:flex-row sm:flex-wrap sm:items-center`}
      >
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={link.href === current ? "page" : undefined}
            className={buttonClass(
              "ghost",
              `justify-start max-sm:min-h-11 ${link.href === current ? "bg-slate-100" : ""}`,
            )}
          >
            {link.label}
          </Link>
        ))}
        {phoneOnly ? <div className="border-t border-slate-200 pt-1 sm:hidden">{phoneOnly}</div> : null}
      </div>
    </>
  );
}

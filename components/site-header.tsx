import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks } from "@/components/nav-links";
import { ThemeToggle } from "@/components/theme-toggle";
import { currentUser } from "@/lib/auth/page-guard";

export async function SiteHeader() {
  const user = await currentUser();
  const links = user
    ? [
        { href: "/integrations", label: "Integrations" },
        { href: "/integrations/mine", label: "My integrations" },
        ...(user.role === "admin" ? [{ href: "/admin", label: "Admin" }] : []),
        { href: "/account", label: "Account" },
        { href: "/docs/api", label: "API docs" },
      ]
    : [];
  return (
    <header className="relative z-10 border-b border-slate-200 bg-surface">
      {/* One row on a phone down to 320 px: the brand gives way before anything wraps. */}
      <div className="mx-auto flex min-h-16 max-w-6xl flex-nowrap items-center gap-x-2 gap-y-1 px-4 py-2 sm:flex-wrap sm:gap-x-6 sm:px-6">
        <Link href="/" className="min-w-0 truncate font-bold tracking-tight text-slate-900">
          Integrations Hub
        </Link>
        {/* On a phone the links, and signing out, fold behind a Menu button that opens them below the header. */}
        <nav aria-label="Main" className="flex items-center gap-1 sm:flex-1">
          <NavLinks
            links={links}
            phoneOnly={<SignOutButton className="w-full justify-start max-sm:min-h-11 max-sm:px-4" />}
          />
        </nav>
        {user ? (
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
            <ThemeToggle />
            <span className="hidden text-sm text-slate-600 sm:inline" data-testid="signed-in-as">
              {user.name ?? user.email}
            </span>
            <SignOutButton className="max-sm:hidden" />
          </div>
        ) : (
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
            <ThemeToggle />
            <Link href="/signin" className={buttonClass("ghost")}>
              Sign in
            </Link>
            {/* Not on a phone, where it would not fit: the home page and sign-in page both offer it. */}
            <Link href="/signup" className={buttonClass("primary", "max-sm:hidden")}>
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}

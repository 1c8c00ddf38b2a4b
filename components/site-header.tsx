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
      ]
    : [];
  return (
    <header className="border-b border-slate-200 bg-surface">
      <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className="font-bold tracking-tight text-slate-900">
          Integrations Hub
        </Link>
        {/* On a phone the links wrap onto a second line rather than scroll out of sight. */}
        <nav aria-label="Main" className="order-last -mx-4 flex w-full flex-wrap items-center gap-1 sm:order-none sm:mx-0 sm:w-auto sm:flex-1">
          <NavLinks links={links} />
        </nav>
        {user ? (
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <span className="hidden text-sm text-slate-600 sm:inline" data-testid="signed-in-as">
              {user.name ?? user.email}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <Link href="/signin" className={buttonClass("ghost")}>
              Sign in
            </Link>
            <Link href="/signup" className={buttonClass("primary")}>
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}

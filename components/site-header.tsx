import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/page-guard";

export async function SiteHeader() {
  const user = await currentUser();
  const links = user
    ? [{ href: "/account", label: "Account" }, ...(user.role === "admin" ? [{ href: "/admin", label: "Admin" }] : [])]
    : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="font-bold tracking-tight text-slate-900">
          Integrations Hub
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className={buttonClass("ghost")}>
              {link.label}
            </Link>
          ))}
        </nav>
        {user ? (
          <div className="flex items-center gap-2">
            <span className="hidden text-sm text-slate-600 sm:inline" data-testid="signed-in-as">
              {user.name ?? user.email}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-2">
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

"use client";

import { signOut } from "@/lib/client/auth-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <Button
      variant="ghost"
      className={cn("max-sm:px-2", className)}
      onClick={() => signOut({ callbackUrl: "/" })}
    >
      Sign out
    </Button>
  );
}

"use client";

import { signOut } from "@/lib/client/auth-client";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" className="max-sm:px-2" onClick={() => signOut({ callbackUrl: "/" })}>
      Sign out
    </Button>
  );
}

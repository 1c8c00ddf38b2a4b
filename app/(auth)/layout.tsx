import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/card";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-[calc(100vh-4rem)] items-start justify-center px-4 py-12 sm:items-center">
      <div className={cardClass({ padding: "xl" }, "w-full max-w-sm")}>{children}</div>
    </main>
  );
}

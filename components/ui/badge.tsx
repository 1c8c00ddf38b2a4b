import type { ReactNode } from "react";
import { cn } from "./cn";

/** A state as a small pill: `tone` is the state's colours (bg, text and ring classes). */
export function Badge({
  tone,
  role,
  className,
  children,
}: {
  tone: string;
  role?: "status";
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      role={role}
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tone,
        className,
      )}
    >
      {children}
    </span>
  );
}

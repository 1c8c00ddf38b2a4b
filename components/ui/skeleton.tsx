import { cn } from "./cn";

/** A grey block where content is still on its way (screen readers hear the region's aria-busy). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded bg-slate-200", className)} />;
}

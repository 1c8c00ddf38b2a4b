import { cardClass } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The table's place while its page streams in. */
export function TableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div
      className={cardClass({ padding: "none" }, "overflow-hidden")}
      aria-busy="true"
      aria-label="Loading submissions"
    >
      <div className="h-10 bg-slate-50" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-4 border-t border-slate-100 px-3 py-3">
          <Skeleton className="h-4 w-12" />
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 flex-1 bg-slate-100" />
        </div>
      ))}
    </div>
  );
}

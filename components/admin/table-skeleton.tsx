export function TableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div
      className="animate-pulse overflow-hidden rounded-xl bg-surface shadow-sm ring-1 ring-slate-200"
      aria-busy="true"
      aria-label="Loading submissions"
    >
      <div className="h-10 bg-slate-50" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-4 border-t border-slate-100 px-3 py-3">
          <div className="h-4 w-12 rounded bg-slate-200" />
          <div className="h-4 w-48 rounded bg-slate-200" />
          <div className="h-4 w-32 rounded bg-slate-200" />
          <div className="h-4 w-24 rounded bg-slate-200" />
          <div className="h-4 flex-1 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}

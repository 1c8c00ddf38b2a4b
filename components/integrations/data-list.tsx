/** The stored data as the API shows it: secret values arrive here already masked. */
export function DataList({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return <p className="text-sm text-slate-500">No data.</p>;
  return (
    <dl className="divide-y divide-slate-100">
      {entries.map(([key, value]) => (
        <div key={key} className="grid gap-1 py-2 sm:grid-cols-3">
          <dt className="text-sm text-slate-500">{key}</dt>
          <dd className="break-all font-mono text-sm text-slate-900 sm:col-span-2">
            {typeof value === "string" ? value : JSON.stringify(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

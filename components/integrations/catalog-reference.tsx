import { catalog } from "@/lib/integrations/catalog";
import { leadClass, titleClass } from "@/components/ui/typography";

/** The known integration types and the `data` fields each takes, straight from the catalog. */
export function CatalogReference() {
  return (
    <section aria-labelledby="catalog-reference" className="mt-12">
      <h2 id="catalog-reference" className={titleClass()}>
        Known integration types
      </h2>
      <p className={leadClass("mt-2")}>
        For these <code className="font-mono">integrationType</code> values the API checks the listed fields
        of <code className="font-mono">data</code> when present (all text; URLs must be http(s)); other keys
        pass. The web forms also require the fields marked required.
      </p>
      <div className="mt-6 space-y-4">
        {catalog.map((entry) => (
          <div key={entry.slug} className="rounded-lg bg-surface p-4 ring-1 ring-slate-200">
            <h3 className="font-semibold">
              {entry.name} <code className="ml-1 font-mono text-sm text-slate-500">{entry.slug}</code>
            </h3>
            <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
              {entry.fields.map((f) => (
                <li key={f.name}>
                  <code className="font-mono">{f.name}</code> — {f.label}
                  {f.required ? " (required in the form)" : ""}
                  {f.kind === "secret" ? ", secret" : f.kind === "url" ? ", URL" : ""}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

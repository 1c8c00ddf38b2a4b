// /docs/api – the OpenAPI document for humans: every operation, its parameters, body and answers.
import type { Metadata } from "next";
import { CatalogReference } from "@/components/integrations/catalog-reference";
import { openApiDocument } from "@/lib/integrations/openapi";
import type { Operation } from "@/lib/integrations/openapi-parts";
import { leadClass } from "@/components/ui/typography";

export const metadata: Metadata = { title: "API reference" };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-brand-100 text-brand-900",
  put: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

/** OpenAPI descriptions are Markdown; of it they use only `code`, shown here as code. */
function Text({ children }: { children: string }) {
  return children.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

function Schema({ value }: { value: unknown }) {
  return (
    <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-5 text-slate-100">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function OperationCard({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const requestSchema = operation.requestBody?.content["application/json"].schema;
  return (
    <section id={`${method}-${path}`} className="rounded-lg border border-slate-200 bg-surface p-5 shadow-sm">
      <h2 className="flex flex-wrap items-center gap-3 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}>
          {method}
        </span>
        <span className="min-w-0 text-slate-900 [overflow-wrap:anywhere]">{path}</span>
      </h2>
      <p className="mt-2 text-slate-700">
        <Text>{operation.summary}</Text>
      </p>
      {operation.parameters && operation.parameters.length > 0 && (
        <table className="mt-4 w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Parameter</th>
              <th className="py-1 pr-4 font-medium">In</th>
              <th className="py-1 font-medium">Description</th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono">
                  {p.name}
                  {p.required && <span className="text-red-600">*</span>}
                </td>
                <td className="py-1 pr-4 text-slate-500">{p.in}</td>
                <td className="py-1 text-slate-700">
                  {typeof p.description === "string" ? <Text>{p.description}</Text> : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {requestSchema && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Request body</summary>
          <Schema value={requestSchema} />
        </details>
      )}
      <ul className="mt-4 space-y-1 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status}>
            <details>
              <summary className="cursor-pointer">
                <span className="font-mono font-semibold">{status}</span>{" "}
                <span className="text-slate-600">
                  <Text>{response.description}</Text>
                </span>
              </summary>
              {response.content && <Schema value={response.content["application/json"].schema} />}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function ApiDocsPage() {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{doc.info.title}</h1>
      <p className="mt-3 text-slate-600">
        <Text>{doc.info.description}</Text>
      </p>
      <p className={leadClass("mt-2")}>
        Authenticate with <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> from{" "}
        <code className="font-mono">POST /api/auth/token</code>. Machine-readable:{" "}
        <a className="text-link underline" href="/api/openapi.json">
          /api/openapi.json
        </a>
        .
      </p>
      <div className="mt-8 space-y-6">
        {operations.map(({ path, method, operation }) => (
          <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
        ))}
      </div>
      <CatalogReference />
    </main>
  );
}

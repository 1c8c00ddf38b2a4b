import type { ReactNode } from "react";
import { titleClass } from "./typography";

/** A whole page that says one thing (not found, forbidden, could not load) and offers a way on. */
export function MessagePage({
  code,
  title,
  children,
}: {
  code?: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      {code ? <p className="text-sm font-semibold text-link">{code}</p> : null}
      <h1 className={titleClass(code ? "mt-2 text-3xl" : undefined)}>{title}</h1>
      {children}
    </main>
  );
}

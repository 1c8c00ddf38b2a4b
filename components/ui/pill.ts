import { cn } from "./cn";

/** A filter that is on or off, as a pill: the chosen one filled (aria-pressed or aria-current says which). */
export const pillClass = (on: boolean, extra?: string) =>
  cn(
    "inline-flex items-center rounded-full px-3 py-1 ring-1 ring-inset max-md:min-h-11",
    on
      ? "bg-brand-600 text-white ring-brand-600"
      : "bg-surface text-slate-700 ring-slate-300 hover:bg-slate-50",
    extra,
  );

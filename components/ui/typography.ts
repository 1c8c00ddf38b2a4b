import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

// The app's few text styles, written once: a page's title, the line under it, a text link, and
// the row that puts a heading and its actions side by side (wrapping on a phone).

/** A page's h1; `extra` overrides (a margin, wrapping of long names). */
export const titleClass = (extra?: string) => cn("text-2xl font-bold tracking-tight", extra);

/** The sentence under a title or a section heading. */
export const leadClass = (extra?: string) => cn("mt-1 text-sm text-slate-600", extra);

const textLink = cva("text-link hover:underline", {
  variants: {
    size: { inherit: "", sm: "text-sm", xs: "text-xs" },
    weight: { semibold: "font-semibold", medium: "font-medium", normal: "" },
    // A link or button on its own (not in a sentence) is a tap target: 44 px tall on a phone.
    standalone: { true: "max-md:inline-flex max-md:min-h-11 max-md:items-center", false: "" },
  },
  defaultVariants: { size: "inherit", weight: "semibold", standalone: false },
});

/** A link in running text, or (standalone) beside a heading or alone on its line. */
export const linkClass = (variants: VariantProps<typeof textLink> = {}, extra?: string) =>
  cn(textLink(variants), extra);

/** A heading on one side, its details or actions on the other. */
export const spreadRowClass = (extra?: string) =>
  cn("flex flex-wrap items-baseline justify-between gap-2", extra);

import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

// The raised surface every panel, list and form of the app sits on.
const card = cva("rounded-xl bg-surface shadow-sm ring-1 ring-slate-200", {
  variants: {
    padding: { none: "", sm: "p-4", md: "p-5", lg: "p-6", xl: "p-8" },
    // A card that is one link: the ring shows where the pointer or the focus is.
    interactive: {
      true: "hover:ring-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600",
      false: "",
    },
  },
  defaultVariants: { padding: "md", interactive: false },
});

export type CardVariants = VariantProps<typeof card>;

/** A card's classes, for elements that are a card themselves (a list, a link, a form); `extra` overrides. */
export const cardClass = (variants: CardVariants = {}, extra?: string) => cn(card(variants), extra);

import type { ComponentProps } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

// A field's name above it: a form's (md), or a compact toolbar's (sm).
const label = cva("block font-medium", {
  variants: { size: { sm: "text-xs text-slate-600", md: "text-sm text-slate-800" } },
  defaultVariants: { size: "md" },
});

export function Label({ size, className, ...props }: ComponentProps<"label"> & VariantProps<typeof label>) {
  return <label className={cn(label({ size }), className)} {...props} />;
}

import type { SelectHTMLAttributes } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

// The browser's own select (its keyboard and phone pickers are the best there are), in our look.
const select = cva(
  "rounded-md border-0 bg-surface text-sm max-md:min-h-11 text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600",
  {
    variants: { size: { sm: "py-1 pr-7 pl-2", md: "py-1.5 pr-8 pl-3" } },
    defaultVariants: { size: "md" },
  },
);

export function Select({
  size,
  className,
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & VariantProps<typeof select>) {
  return <select className={cn(select({ size }), className)} {...props} />;
}

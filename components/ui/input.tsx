import type { ComponentProps } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

// Every text field of the app: one look, a red ring when its value was refused.
export const fieldClass = cva(
  "block rounded-md border-0 bg-surface max-md:min-h-11 text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600",
  {
    variants: {
      size: { sm: "py-1.5 px-3 text-sm", md: "px-3 py-2 sm:text-sm", touch: "min-h-11 px-3 py-2 text-sm" },
      invalid: { true: "ring-red-400", false: "ring-slate-300" },
    },
    defaultVariants: { size: "md", invalid: false },
  },
);

type FieldVariants = VariantProps<typeof fieldClass>;

export function Input({
  size,
  invalid,
  className,
  ...props
}: Omit<ComponentProps<"input">, "size"> & FieldVariants) {
  return <input className={cn(fieldClass({ size, invalid }), className)} {...props} />;
}

export function Textarea({ size, invalid, className, ...props }: ComponentProps<"textarea"> & FieldVariants) {
  return <textarea className={cn(fieldClass({ size, invalid }), className)} {...props} />;
}

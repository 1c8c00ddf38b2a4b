import type { ButtonHTMLAttributes } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";
import { useMounted } from "./use-mounted";

const button = cva(
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold max-md:min-h-11 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed",
  {
    variants: {
      variant: {
        primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 disabled:bg-brand-600/60",
        secondary:
          "bg-surface text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-50 disabled:hover:bg-surface",
        ghost: "text-slate-700 hover:bg-slate-100",
      },
    },
    defaultVariants: { variant: "primary" },
  },
);

type Variant = NonNullable<VariantProps<typeof button>["variant"]>;

/** A button's classes, for links that look like one; `extra` overrides (cn merges them). */
export const buttonClass = (variant: Variant = "primary", extra = "") => cn(button({ variant }), extra);

/**
 * A button of a client component. One that acts (an `onClick`, or submitting a form that
 * JavaScript sends) is off until React has hydrated. Before then a click would do nothing, and a
 * submit (Enter, too) would be the browser's own: a GET that writes every field, a password or a
 * client secret, into the address, the history and the server's logs. A disabled default button
 * also cancels the browser's implicit submission on Enter.
 */
export function Button({
  variant = "primary",
  className = "",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const ready = useMounted();
  return (
    <button
      className={buttonClass(variant, className)}
      disabled={(!ready && (props.onClick !== undefined || props.type === "submit")) || disabled}
      {...props}
    />
  );
}

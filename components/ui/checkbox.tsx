import type { ComponentProps } from "react";
import { cn } from "./cn";

/** The browser's checkbox (its keyboard and screen reader behaviour), in the brand colour; larger on a phone. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      className={cn("size-4 shrink-0 accent-brand-600 max-md:size-6", className)}
      {...props}
    />
  );
}

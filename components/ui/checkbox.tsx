"use client";

import type { ComponentProps } from "react";
import { cn } from "./cn";
import { useMounted } from "./use-mounted";

/**
 * The browser's checkbox (its keyboard and screen reader behaviour), in the brand colour; larger
 * on a phone. Off until React has hydrated: a tick made before then shows in the page but never
 * reaches React, so it would be lost.
 */
export function Checkbox({ className, disabled, ...props }: Omit<ComponentProps<"input">, "type">) {
  const ready = useMounted();
  return (
    <input
      type="checkbox"
      disabled={!ready || disabled}
      className={cn("size-4 shrink-0 accent-brand-600 max-md:size-6", className)}
      {...props}
    />
  );
}

"use client";

import type { ComponentProps } from "react";
import { DropdownMenu as Primitive } from "radix-ui";
import { cn } from "./cn";

// Radix's menu with our look: arrow keys move, Enter picks, Escape closes and returns the focus.
export const Menu = Primitive.Root;
export const MenuTrigger = Primitive.Trigger;
export const MenuSub = Primitive.Sub;
export const MenuRadioGroup = Primitive.RadioGroup;

const panel =
  "z-50 min-w-48 rounded-lg bg-surface p-1 text-sm text-slate-900 shadow-lg ring-1 ring-slate-200 focus:outline-none";
const item =
  "flex min-h-9 cursor-default items-center gap-2 rounded-md px-2 py-1.5 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100";

export function MenuContent({ className, ...props }: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Content align="end" sideOffset={4} className={cn(panel, className)} {...props} />
    </Primitive.Portal>
  );
}

export function MenuItem({ className, ...props }: ComponentProps<typeof Primitive.Item>) {
  return <Primitive.Item className={cn(item, className)} {...props} />;
}

export function MenuSubTrigger({ className, ...props }: ComponentProps<typeof Primitive.SubTrigger>) {
  return <Primitive.SubTrigger className={cn(item, "justify-between", className)} {...props} />;
}

export function MenuSubContent({ className, ...props }: ComponentProps<typeof Primitive.SubContent>) {
  return (
    <Primitive.Portal>
      <Primitive.SubContent sideOffset={4} className={cn(panel, className)} {...props} />
    </Primitive.Portal>
  );
}

export function MenuRadioItem({ className, children, ...props }: ComponentProps<typeof Primitive.RadioItem>) {
  return (
    <Primitive.RadioItem className={cn(item, "pl-7 relative", className)} {...props}>
      <Primitive.ItemIndicator className="absolute left-2">✓</Primitive.ItemIndicator>
      {children}
    </Primitive.RadioItem>
  );
}

export function MenuSeparator() {
  return <Primitive.Separator className="my-1 h-px bg-slate-200" />;
}

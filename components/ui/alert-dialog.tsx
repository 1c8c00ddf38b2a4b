"use client";

import type { ReactNode } from "react";
import { AlertDialog as Primitive } from "radix-ui";
import { buttonClass } from "./button";
import { cardClass } from "./card";

export const overlayClass = "fixed inset-0 z-40 bg-black/40";

/**
 * A question that must be answered before anything happens (a change that emails people, a
 * revocation): focus starts on the action, Escape and Cancel leave everything as it was.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  action,
  onAction,
  destructive = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  action: string;
  onAction: () => void;
  destructive?: boolean;
}) {
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className={overlayClass} />
        <Primitive.Content
          className={cardClass(
            { padding: "lg" },
            "fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 shadow-lg focus:outline-none",
          )}
        >
          <Primitive.Title className="text-lg font-semibold text-slate-900">{title}</Primitive.Title>
          <Primitive.Description className="mt-2 text-sm text-slate-700">{description}</Primitive.Description>
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <Primitive.Cancel className={buttonClass("ghost")}>Cancel</Primitive.Cancel>
            <Primitive.Action
              autoFocus
              className={buttonClass("primary", destructive ? "bg-red-700 hover:bg-red-800" : "")}
              onClick={onAction}
            >
              {action}
            </Primitive.Action>
          </div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

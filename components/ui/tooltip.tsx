"use client";

import type { ReactNode } from "react";
import { Tooltip as Primitive } from "radix-ui";

/**
 * A short explanation on hover and on keyboard focus (the trigger must be focusable or wrap
 * something that is); never the only place something important is said.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  return (
    <Primitive.Provider delayDuration={300}>
      <Primitive.Root>
        <Primitive.Trigger asChild>{children}</Primitive.Trigger>
        <Primitive.Portal>
          <Primitive.Content
            sideOffset={4}
            className="z-50 max-w-xs rounded-md bg-slate-800 px-2.5 py-1.5 text-xs text-slate-50 shadow-md [overflow-wrap:anywhere]"
          >
            {content}
          </Primitive.Content>
        </Primitive.Portal>
      </Primitive.Root>
    </Primitive.Provider>
  );
}

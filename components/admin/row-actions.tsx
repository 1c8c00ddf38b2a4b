"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { MoreHorizontal } from "lucide-react";
import type { IntegrationDto } from "@/lib/integrations/serialize";
import type { Status } from "@/lib/integrations/status";
import { useMounted } from "@/components/ui/use-mounted";

export interface RowActionsProps {
  row: IntegrationDto;
  status: Status;
  onStatus: (status: Status) => void;
  onView: (from: HTMLElement | null) => void;
}

export const TRIGGER_CLASS =
  "rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 max-md:p-3";

function Trigger({ id, onOpen }: { id: number; onOpen?: () => void }) {
  // Until React has hydrated a click would open nothing.
  const ready = useMounted();
  return (
    <button
      type="button"
      disabled={!ready}
      aria-label={`Actions for #${id}`}
      aria-haspopup="menu"
      className={TRIGGER_CLASS}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") onOpen?.();
      }}
    >
      <MoreHorizontal aria-hidden className="size-5" />
    </button>
  );
}

// The menu's code (Radix, a tooltip) arrives with the first row whose menu is opened, not with
// the page: most visits never open one.
const RowMenu = dynamic(() => import("./row-menu").then((m) => m.RowMenu), {
  loading: () => <MoreHorizontal aria-hidden className="m-1.5 size-5 text-slate-400" />,
});

/** One button per row; its menu (row-menu.tsx) is loaded and opened on the first use. */
export function RowActions(props: RowActionsProps) {
  const [opened, setOpened] = useState(false);
  return opened ? <RowMenu {...props} /> : <Trigger id={props.row.id} onOpen={() => setOpened(true)} />;
}

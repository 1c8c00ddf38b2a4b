"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { CircleDot, Copy, ExternalLink, KeyRound, MoreHorizontal, PanelRight } from "lucide-react";
import { STATUS_LABELS, statuses, type Status } from "@/lib/integrations/status";
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuSub,
  MenuSubContent,
  MenuSubTrigger,
  MenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { Tooltip } from "@/components/ui/tooltip";
import { TRIGGER_CLASS, type RowActionsProps } from "./row-actions";

/**
 * What can be done with one row: look at it beside the list, open its page, copy its number,
 * change its status (the same save as the status cell, so the same email), or go to its
 * credentials to reveal them (a reveal is audited, so it happens on the page).
 */
export function RowMenu({ row, status, onStatus, onView }: RowActionsProps) {
  const router = useRouter();
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    // Open at once: it replaces the plain button that was just used (row-actions.tsx).
    <Menu defaultOpen>
      <Tooltip content="Quick view, copy ID, status, credentials">
        <MenuTrigger ref={trigger} aria-label={`Actions for #${row.id}`} className={TRIGGER_CLASS}>
          <MoreHorizontal aria-hidden className="size-5" />
        </MenuTrigger>
      </Tooltip>
      <MenuContent>
        <MenuItem onSelect={() => onView(trigger.current)}>
          <PanelRight aria-hidden className="size-4" /> Quick view
        </MenuItem>
        <MenuItem onSelect={() => router.push(`/admin/${row.id}`)}>
          <ExternalLink aria-hidden className="size-4" /> Open page
        </MenuItem>
        <MenuItem
          onSelect={() =>
            navigator.clipboard.writeText(String(row.id)).then(
              () => toast.success(`Copied #${row.id}`),
              () => toast.error("Could not copy: the browser refused the clipboard"),
            )
          }
        >
          <Copy aria-hidden className="size-4" /> Copy ID
        </MenuItem>
        <MenuSeparator />
        <MenuSub>
          <MenuSubTrigger>
            <span className="flex items-center gap-2">
              <CircleDot aria-hidden className="size-4" /> Change status
            </span>
            <span aria-hidden>›</span>
          </MenuSubTrigger>
          <MenuSubContent>
            <MenuRadioGroup value={status} onValueChange={(next) => onStatus(next as Status)}>
              {statuses.map((s) => (
                <MenuRadioItem key={s} value={s}>
                  {STATUS_LABELS[s]}
                </MenuRadioItem>
              ))}
            </MenuRadioGroup>
          </MenuSubContent>
        </MenuSub>
        <MenuItem onSelect={() => router.push(`/admin/${row.id}#data`)}>
          <KeyRound aria-hidden className="size-4" /> Reveal credentials…
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

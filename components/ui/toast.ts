"use client";

// Passing confirmations (sonner). No page needs sonner to render, so its code is fetched and its
// toaster mounted on the first toast (components/ui/lazy-toaster.tsx); what is said before the
// toaster is up waits here.
type Kind = "success" | "error";
type Show = (kind: Kind, message: string) => void;

let show: Show | undefined;
const waiting: [Kind, string][] = [];
const mountRequests = new Set<() => void>();

function say(kind: Kind, message: string) {
  if (show) return show(kind, message);
  waiting.push([kind, message]);
  for (const mount of mountRequests) mount();
}

export const toast = {
  success: (message: string) => say("success", message),
  error: (message: string) => say("error", message),
};

/** Calls `mount` when a toast waits for a toaster; returns the unsubscribe. */
export function onToastWaiting(mount: () => void) {
  mountRequests.add(mount);
  if (waiting.length > 0) mount();
  return () => void mountRequests.delete(mount);
}

/** The mounted toaster takes over: what waited is shown now. Returns its unmount. */
export function toasterReady(next: Show) {
  show = next;
  for (const [kind, message] of waiting.splice(0)) next(kind, message);
  return () => {
    show = undefined;
  };
}

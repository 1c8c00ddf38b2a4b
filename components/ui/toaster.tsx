"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/** Where passing confirmations appear (copied, opened): bottom right, in the page's theme. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" closeButton />;
}

"use client";

import { useEffect } from "react";
import { useTheme } from "next-themes";
import { Toaster as Sonner, toast } from "sonner";
import { toasterReady } from "./toast";

/** Where passing confirmations appear (copied, opened): bottom right, in the page's theme. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  // Sonner listens from its own effect, which (a child's) has run by the time this one does.
  useEffect(() => toasterReady((kind, message) => toast[kind](message)), []);
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" closeButton />;
}

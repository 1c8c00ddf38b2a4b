"use client";

import dynamic from "next/dynamic";

// The toaster (sonner) is fetched after the page is interactive: no page needs it to render, and
// a toast can only follow something the person did.
export const LazyToaster = dynamic(() => import("./toaster").then((m) => m.Toaster), { ssr: false });

"use client";

import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { onToastWaiting } from "./toast";

const Toaster = dynamic(() => import("./toaster").then((m) => m.Toaster), { ssr: false });

// The toaster (sonner) is fetched on the first toast: no page needs it to render, and a toast can
// only follow something the person did.
export function LazyToaster() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => onToastWaiting(() => setWanted(true)), []);
  return wanted ? <Toaster /> : null;
}

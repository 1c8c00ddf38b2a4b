"use client";

import { useTheme } from "next-themes";
import { Monitor, Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useMounted } from "@/components/ui/use-mounted";

const NEXT = { system: "light", light: "dark", dark: "system" } as const;
const LABEL = { system: "System theme", light: "Light theme", dark: "Dark theme" } as const;
const ICON = { system: Monitor, light: Sun, dark: Moon } as const;
type Choice = keyof typeof NEXT;

// The stored choice is only known in the browser: the server renders the button without it.

/** One button that steps through system → light → dark, saying which is on. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();
  const current: Choice = mounted && theme && theme in NEXT ? (theme as Choice) : "system";
  const Icon = ICON[current];
  return (
    <Button
      type="button"
      variant="ghost"
      className="px-2 sm:px-3"
      onClick={() => setTheme(NEXT[current])}
      aria-label={`${LABEL[current]}; switch to ${LABEL[NEXT[current]].toLowerCase()}`}
      title={LABEL[current]}
    >
      <Icon aria-hidden className="size-4" />
    </Button>
  );
}

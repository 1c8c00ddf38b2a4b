import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Class names joined, with later Tailwind utilities replacing earlier ones of the same property:
 * `cn("px-4 py-2", "py-1")` is `px-4 py-1`. Without it the stylesheet's order decides, so an
 * override passed to a component could silently do nothing.
 */
export const cn = (...inputs: ClassValue[]) => twMerge(clsx(inputs));

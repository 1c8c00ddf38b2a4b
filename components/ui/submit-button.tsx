"use client";

import type { ComponentProps } from "react";
import { Button } from "./button";
import { useMounted } from "./use-mounted";

/**
 * The submit button of a form that JavaScript sends. It is off until React has hydrated: before
 * then Enter or a click would make the browser submit the form itself, as a GET that writes
 * every field (a password, a client secret) into the address, the history and the server's logs.
 * A disabled default button also stops the browser's implicit submission on Enter.
 */
export function SubmitButton({ disabled, ...props }: Omit<ComponentProps<typeof Button>, "type">) {
  const ready = useMounted();
  return <Button type="submit" disabled={!ready || disabled} {...props} />;
}

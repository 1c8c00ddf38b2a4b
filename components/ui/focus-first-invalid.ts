"use client";

import { useEffect, useRef } from "react";

/**
 * After a refused submit, the first field in error takes focus: it is where to act, and a
 * screen reader announces its message with it. Pass the form's errors; returns the form ref.
 */
export function useFocusFirstInvalid(errors: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return form;
}

// The hint or error under a form field, tied to it by id (the field's aria-describedby).
import { fieldClass } from "./input";

/** A form field's classes: full width, red when refused. */
export const inputClass = (error: string | undefined) =>
  fieldClass({ invalid: Boolean(error), className: "w-full" });

export function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  return [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </>
  );
}

import { useId, type InputHTMLAttributes } from "react";
import { describedBy, FieldMessages, inputClass } from "./field-messages";
import { Label } from "./label";

/** A labelled input whose error is announced to screen readers and tied to the field. */
export function TextField({
  label,
  error,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`mt-1 ${inputClass(error)}`}
        {...props}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

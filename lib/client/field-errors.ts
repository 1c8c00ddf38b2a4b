// The server's refusal of a form, put where a person looks: each field it names gets its
// message (the first one the focus), through react-hook-form's setError.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** True when at least one of `known` got a message; otherwise the caller shows a banner. */
export function showFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: Record<string, string>,
  known: readonly Path<T>[],
  say: (field: Path<T>, message: string) => string = (_field, message) => message,
): boolean {
  const named = known.filter((field) => fields[field] !== undefined);
  named.forEach((field, i) =>
    setError(field, { message: say(field, fields[field]!) }, { shouldFocus: i === 0 }),
  );
  return named.length > 0;
}

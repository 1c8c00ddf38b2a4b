"use client";

import type { ReactNode } from "react";
import { Checkbox } from "./checkbox";

/**
 * A fieldset of tickable machine names (API scopes, webhook events), each with what it means:
 * whole rows are the tap targets. The error, when there is one, is tied to the fieldset.
 */
export function CodeChoices<T extends string>({
  legend,
  options,
  describe,
  chosen,
  onChange,
  error,
  errorId,
}: {
  legend: string;
  options: readonly T[];
  describe: (option: T) => ReactNode;
  chosen: T[];
  onChange: (chosen: T[]) => void;
  error?: string;
  errorId: string;
}) {
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 space-y-1">
        {options.map((option) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md px-2 py-2 hover:bg-slate-50"
          >
            <Checkbox
              className="mt-0.5 size-5"
              checked={chosen.includes(option)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...chosen, option] : chosen.filter((held) => held !== option),
                )
              }
            />
            <span className="text-sm">
              <code className="font-mono text-slate-900">{option}</code>
              <span className="block text-slate-600">{describe(option)}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

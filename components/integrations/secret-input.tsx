"use client";

import { useState, type InputHTMLAttributes } from "react";

/** A password input with a show/hide toggle: people paste long keys and want to check them. */
export function SecretInput({ label, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative mt-1">
      <input
        {...props}
        type={shown ? "text" : "password"}
        autoComplete="off"
        spellCheck={false}
        className={`${props.className ?? ""} pr-20`}
      />
      <button
        type="button"
        onClick={() => setShown((s) => !s)}
        aria-pressed={shown}
        aria-label={`${shown ? "Hide" : "Show"} ${label}`}
        className="absolute inset-y-0 right-0 px-3 text-xs font-semibold text-link hover:underline"
      >
        {shown ? "Hide" : "Show"}
      </button>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { STATUS_LABELS, statuses, type Status } from "@/lib/integrations/status";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { catalog, catalogEntry } from "@/lib/integrations/catalog";
import { FILTER_KEYS, filterParams, useUrlState } from "./use-url-state";
import { Label } from "@/components/ui/label";
import { pillClass } from "@/components/ui/pill";
import { linkClass } from "@/components/ui/typography";
import { useMounted } from "@/components/ui/use-mounted";

/** A toolbar's filter pill: the shared look, in the toolbar's small type. */
const chip = (pressed: boolean) => pillClass(pressed, "text-xs font-medium");

export function TableToolbar({ types }: { types: string[] }) {
  const { params, set, pending } = useUrlState();
  // The filter buttons are off until React has hydrated: a click before then would do nothing.
  const ready = useMounted();
  const urlQ = params.get("q") ?? "";
  const [q, setQ] = useState(urlQ);
  // The search the box last sent to the URL: when the URL's changes otherwise (Back, Forward,
  // a link), the box follows it instead of sending its old text again.
  const sent = useRef(urlQ);
  const box = useRef<HTMLInputElement>(null);
  const selected = new Set((params.get("status") ?? "").split(",").filter(Boolean));
  const attention = params.get("connection") === "attention";
  const requestId = /^#?(\d{1,15})$/.exec(q.trim())?.[1];
  // The catalog's systems by name first; types only clients sent (custom ones, typos, probes)
  // after them, as written, with the one a shared link names even when no row has it any more.
  const chosenType = params.get("type");
  const others = [...new Set([...types, ...(chosenType ? [chosenType] : [])])].filter(
    (type) => !catalogEntry(type),
  );

  useEffect(() => {
    if (urlQ === sent.current) return;
    sent.current = urlQ;
    setQ(urlQ);
  }, [urlQ]);

  // Text typed before the page was interactive is in the box but never reached React: take it up.
  useEffect(() => {
    const typed = box.current?.value;
    if (typed) setQ(typed);
  }, []);

  // Search as you type, once typing pauses.
  useEffect(() => {
    const text = q.trim();
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      if (text === sent.current) return;
      sent.current = text;
      set({ q: text || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, set]);

  function toggle(status: Status) {
    const next = new Set(selected);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    set({ status: statuses.filter((s) => next.has(s)).join(",") || undefined });
  }

  const filtered = FILTER_KEYS.some((key) => params.get(key));
  const exportQuery = new URLSearchParams(filterParams(params));

  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div className="min-w-56 flex-1">
        <Label size="sm" htmlFor="table-search">
          Search
        </Label>
        <Input
          size="sm"
          ref={box}
          id="table-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name, type, email or #id"
          className="mt-1 w-full"
        />
        {/* Requests are known by number everywhere (emails, history): a number gets a direct link. */}
        {requestId ? (
          <Link
            href={`/admin/${requestId}`}
            // Leaving for the request: the search typed so far must not navigate after it.
            onClick={() => (sent.current = q.trim())}
            className={linkClass({ size: "sm" }, "mt-1 inline-block")}
          >
            Open request #{requestId} →
          </Link>
        ) : null}
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-600">Status</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {statuses.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={selected.has(status)}
              onClick={() => toggle(status)}
              className={chip(selected.has(status))}
            >
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-xs font-medium text-slate-600">Connection</legend>
        <button
          type="button"
          disabled={!ready}
          aria-pressed={attention}
          onClick={() => set({ connection: attention ? undefined : "attention" })}
          className={cn("mt-1", chip(attention))}
        >
          Needs attention
        </button>
      </fieldset>
      <div>
        <Label size="sm" htmlFor="table-type">
          Type
        </Label>
        {/* Capped: one long custom type would otherwise make the select, and the page, wider than a phone. */}
        <Select
          id="table-type"
          value={params.get("type") ?? ""}
          onChange={(e) => set({ type: e.target.value })}
          className="mt-1 w-full max-w-[14rem]"
        >
          <option value="">All types</option>
          {catalog.map((entry) => (
            <option key={entry.slug} value={entry.slug}>
              {entry.name}
            </option>
          ))}
          {others.length > 0 ? (
            <optgroup label="Custom / other">
              {others.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </div>
      {/* The two ends of one range wrap together, never "to" alone on the next line. */}
      <div className="flex gap-3">
        <div>
          <Label size="sm" htmlFor="table-from">
            Submitted from
          </Label>
          <Input
            size="sm"
            id="table-from"
            type="date"
            value={params.get("from") ?? ""}
            max={params.get("to") ?? undefined}
            onChange={(e) => set({ from: e.target.value })}
            className="mt-1"
          />
        </div>
        <div>
          <Label size="sm" htmlFor="table-to">
            to
          </Label>
          <Input
            size="sm"
            id="table-to"
            type="date"
            value={params.get("to") ?? ""}
            min={params.get("from") ?? undefined}
            onChange={(e) => set({ to: e.target.value })}
            className="mt-1"
          />
        </div>
      </div>
      <a
        href={`/api/integrations/export${exportQuery.size ? `?${exportQuery}` : ""}`}
        className={buttonClass("secondary")}
        download
      >
        Export CSV
      </a>
      {/* A filter waits for the server; say so, or a slow answer reads as a click that did nothing. */}
      <p role="status" className="self-center text-sm text-slate-500">
        {pending ? "Updating…" : ""}
      </p>
      {filtered ? (
        <button
          type="button"
          disabled={!ready}
          className={buttonClass("ghost")}
          onClick={() => {
            setQ("");
            sent.current = "";
            set(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
          }}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { STATUS_LABELS, statuses, type Status } from "@/lib/integrations/status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { apiFetch } from "@/lib/client/api-fetch";

/** Status change guarded by the version the admin is looking at: a concurrent edit is a clear conflict. */
export function StatusEditor({ id, status, version }: { id: number; status: Status; version: number }) {
  const router = useRouter();
  const [value, setValue] = useState(status);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const confirmation = useRef<HTMLParagraphElement>(null);
  const selectId = useId();
  const noteId = useId();
  // Not remounted when the page refreshes (the confirmation must outlive it): the select follows
  // a status that changed underneath it instead.
  useEffect(() => setValue(status), [status]);
  // The confirmation takes the focus when it appears, so it is what a screen reader says next.
  useEffect(() => {
    if (saved) confirmation.current?.focus();
  }, [saved]);

  const message = note.trim();
  // The same status with a message: the message goes on its own (the status stays as it is).
  const messageOnly = value === status && message !== "";

  async function sendMessage() {
    const sent = await apiFetch(`/api/integrations/${id}/message`, { method: "POST", body: { message } });
    setBusy(false);
    if (!sent.ok) return setError(sent.error);
    setNote("");
    setSaved("Message sent: the owner's email is queued, and it is in the history.");
    router.refresh();
  }

  async function save() {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    if (messageOnly) return sendMessage();
    const sent = await apiFetch(`/api/integrations/${id}/update`, {
      method: "PUT",
      headers: { "if-match": `"${version}"` },
      body: note.trim() ? { status: value, note: note.trim() } : { status: value },
    });
    setBusy(false);
    if (sent.ok) {
      const sentNote = note.trim() !== "";
      setNote("");
      setSaved(
        `Status saved: ${STATUS_LABELS[value]}. The owner's email${sentNote ? ", with your message," : ""} is queued.`,
      );
      return router.refresh();
    }
    setError(
      sent.status === 409
        ? "Someone changed this integration while you were looking at it. Reload to see the latest version, then decide again."
        : sent.error,
    );
  }

  return (
    <div className="space-y-3">
      <div className="text-sm">
        <label htmlFor={noteId} className="block text-slate-600">
          Message to the owner{" "}
          <span className="text-slate-500">(optional: sent with a new status, or on its own)</span>
        </label>
        <Textarea
          id={noteId}
          value={note}
          maxLength={1000}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          placeholder={value === "failed" ? "What went wrong, and what they should change" : undefined}
          className="mt-1 w-full"
        />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="text-sm">
          <label htmlFor={selectId} className="block text-slate-600">
            Status
          </label>
          <Select
            id={selectId}
            value={value}
            onChange={(e) => setValue(e.target.value as Status)}
            className="mt-1"
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <Button disabled={busy || (value === status && !messageOnly)} onClick={save}>
          {busy ? "Saving…" : messageOnly ? "Send message" : "Save status"}
        </Button>
      </div>
      {saved ? (
        <p
          ref={confirmation}
          tabIndex={-1}
          role="status"
          className="text-sm text-emerald-700 focus:outline-none"
        >
          {saved}
        </p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

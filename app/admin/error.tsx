"use client";

import { Button } from "@/components/ui/button";
import { MessagePage } from "@/components/ui/message-page";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <MessagePage title="The dashboard could not load">
      <p className="mt-3 text-slate-600">The database may be briefly unavailable. Nothing was changed.</p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </MessagePage>
  );
}

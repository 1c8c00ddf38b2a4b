import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { MessagePage } from "@/components/ui/message-page";

export default function NotFound() {
  return (
    <MessagePage code="404" title="This page does not exist">
      <p className="mt-4 text-slate-600">
        The link may be mistyped, or what it pointed to is not yours to see. Integration requests open only
        for their owner and for admins.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClass("primary")}>
          Go to the start
        </Link>
        <Link href="/integrations/mine" className={buttonClass("secondary")}>
          My integrations
        </Link>
      </div>
    </MessagePage>
  );
}

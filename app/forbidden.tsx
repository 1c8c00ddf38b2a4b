import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { MessagePage } from "@/components/ui/message-page";

export default function Forbidden() {
  return (
    <MessagePage code="403" title="You don't have access to this page">
      <p className="mt-4 text-slate-600">
        This area is for administrators. If you think you should have access, ask an admin to grant it.
      </p>
      <Link href="/integrations" className={buttonClass("secondary", "mt-8")}>
        Back to integrations
      </Link>
    </MessagePage>
  );
}

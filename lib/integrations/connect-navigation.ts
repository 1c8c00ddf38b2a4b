// Connect and callback are pages a browser walks through, not API calls: what goes wrong there
// ends on a page that explains it (app/integrations/connection-problem), and a person whose
// session ended on the way signs in and comes back to the same address.
import "server-only";
import { AppError } from "@/lib/http/errors";
import { ConnectProblem } from "./oauth-connect";

/** A redirect to a path of this app; relative, so no Host header decides where it goes. */
export const seeOther = (path: string) => new Response(null, { status: 303, headers: { location: path } });

export function connectErrorPage(error: unknown, req: Request): Response | undefined {
  if (error instanceof ConnectProblem) {
    const query = new URLSearchParams({ reason: error.reason });
    if (error.submissionId !== undefined) query.set("id", String(error.submissionId));
    return seeOther(`/integrations/connection-problem?${query}`);
  }
  if (error instanceof AppError && error.status === 401) {
    const url = new URL(req.url);
    return seeOther(`/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return undefined;
}

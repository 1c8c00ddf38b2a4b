// The notifications the app sends by itself. Each is queued in the transaction of the change
// it reports, so it is sent exactly when the change is committed and never lost; each returns the
// `email_queued` events for the caller to record with its own.
import "server-only";
import type { Status } from "@/db/schema";
import { env } from "@/lib/env";
import type { NewEvent } from "@/lib/integrations/events";
import { enqueueAll, type Executor, type NewEmail } from "./outbox";

interface Submission {
  id: number;
  integrationType: string;
  integrationName: string;
  userEmail: string;
  status: Status;
}

const queued = (mails: NewEmail[]): NewEvent[] =>
  mails.map(({ template, recipient }) => ({
    actor: null,
    type: "email_queued",
    details: { template, recipient },
  }));

/** To every NOTIFICATION_RECIPIENTS address: a new (or corrected) request to review. */
export async function queueIntegrationRequest(
  tx: Executor,
  submission: Submission,
  ownerName: string | null,
  resubmitted = false,
): Promise<NewEvent[]> {
  const { NOTIFICATION_RECIPIENTS, APP_URL, NOTIFICATION_BATCH_SECONDS } = env();
  const mails = NOTIFICATION_RECIPIENTS.map((recipient): NewEmail => ({
    template: "integration_request",
    recipient,
    submissionId: submission.id,
    // Due a little later, so that a burst of requests reaches each admin as one email.
    delaySeconds: NOTIFICATION_BATCH_SECONDS,
    props: {
      integrationName: submission.integrationName,
      integrationType: submission.integrationType,
      userEmail: submission.userEmail,
      userName: ownerName,
      status: submission.status,
      submissionId: submission.id,
      dashboardUrl: new URL(`/admin/${submission.id}`, APP_URL).toString(),
      ...(resubmitted ? { resubmitted } : {}),
    },
  }));
  if (mails.length > 0) await enqueueAll(mails, tx);
  return queued(mails);
}

/** To the owner: their request moved from one status to another, with the team's note if any. */
export async function queueStatusChanged(
  tx: Executor,
  submission: Submission,
  from: Status,
  to: Status,
  note?: string,
): Promise<NewEvent[]> {
  const mail: NewEmail = {
    template: "integration_status_changed",
    recipient: submission.userEmail,
    submissionId: submission.id,
    props: {
      integrationName: submission.integrationName,
      from,
      to,
      submissionId: submission.id,
      myIntegrationsUrl: new URL(`/integrations/mine/${submission.id}`, env().APP_URL).toString(),
      ...(note === undefined ? {} : { note }),
    },
  };
  await enqueueAll([mail], tx);
  return queued([mail]);
}

/** To the owner: a message from the team, the status unchanged. */
export async function queueOwnerMessage(
  tx: Executor,
  submission: Pick<Submission, "id" | "integrationName" | "userEmail">,
  message: string,
): Promise<NewEvent[]> {
  const mail: NewEmail = {
    template: "integration_message",
    recipient: submission.userEmail,
    submissionId: submission.id,
    props: {
      integrationName: submission.integrationName,
      submissionId: submission.id,
      message,
      myIntegrationsUrl: new URL(`/integrations/mine/${submission.id}`, env().APP_URL).toString(),
    },
  };
  await enqueueAll([mail], tx);
  return queued([mail]);
}

/** To the owner and every NOTIFICATION_RECIPIENTS address: a connection that worked stopped working. */
export async function queueConnectionAttention(
  tx: Executor,
  submission: Omit<Submission, "status">,
  status: "failed" | "needs_reauth",
  message: string,
): Promise<NewEvent[]> {
  const { NOTIFICATION_RECIPIENTS, APP_URL } = env();
  const common = {
    integrationName: submission.integrationName,
    status,
    message,
    submissionId: submission.id,
  };
  const mails: NewEmail[] = [
    {
      template: "connection_needs_attention",
      recipient: submission.userEmail,
      submissionId: submission.id,
      props: {
        ...common,
        audience: "owner",
        url: new URL(`/integrations/mine/${submission.id}`, APP_URL).toString(),
      },
    },
    ...NOTIFICATION_RECIPIENTS.map((recipient): NewEmail => ({
      template: "connection_needs_attention",
      recipient,
      submissionId: submission.id,
      props: { ...common, audience: "admin", url: new URL(`/admin/${submission.id}`, APP_URL).toString() },
    })),
  ];
  await enqueueAll(mails, tx);
  return queued(mails);
}

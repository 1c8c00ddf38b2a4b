// Handing one rendered email over: to the SMTP server of SMTP_URL, or, with no SMTP_URL, to the
// dev mailbox (the outbox row itself, shown at /admin/emails). Short timeouts: a mail server
// that does not answer must not hold a request; the outbox retries.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface OutgoingMail {
  /** The outbox row: the dev mailbox's message id, and the SMTP Message-ID's local part. */
  id: number;
  to: string;
  subject: string;
}

const TIMEOUT_MS = 5_000;
let cached: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (cached?.url !== url) {
    cached = {
      url,
      transporter: nodemailer.createTransport({
        url,
        // A few kept-open connections instead of a handshake per message.
        pool: true,
        maxConnections: 5,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      }),
    };
  }
  return cached.transporter;
}

/**
 * Resolves when the mail is accepted; throws with the SMTP server's reason otherwise. The body is
 * rendered only to be sent: the dev mailbox renders a message when someone looks at it.
 */
export async function sendMail(
  mail: OutgoingMail,
  render: () => Promise<{ html: string; text: string }>,
): Promise<{ messageId: string; mailbox: boolean }> {
  const { SMTP_URL, MAIL_FROM, APP_URL } = env();
  const messageId = `<outbox-${mail.id}@${new URL(APP_URL).hostname}>`;
  if (!SMTP_URL) return { messageId, mailbox: true };
  const { html, text } = await render();
  const info = await transporter(SMTP_URL).sendMail({
    from: MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    html,
    text,
    // A fixed Message-ID per outbox row: if a retry follows a lost acknowledgement, receiving
    // servers and clients can recognise the duplicate.
    messageId,
  });
  return { messageId: String(info.messageId ?? messageId), mailbox: false };
}

// SMTP delivery. Short timeouts: a mail server that does not answer must not hold a request;
// the caller treats any failure as "not delivered" and answers 202.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type Delivery = { delivered: true; messageId: string } | { delivered: false };

const TIMEOUT_MS = 5_000;
let cached: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (cached?.url !== url) {
    cached = {
      url,
      transporter: nodemailer.createTransport({
        url,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      }),
    };
  }
  return cached.transporter;
}

export async function deliver(mail: OutgoingMail): Promise<Delivery> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    log.warn({ to: mail.to }, "mail not sent: SMTP_URL is not configured");
    return { delivered: false };
  }
  try {
    const info = await transporter(SMTP_URL).sendMail({ from: MAIL_FROM, ...mail });
    return { delivered: true, messageId: String(info.messageId) };
  } catch (error) {
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    log.warn({ to: mail.to, code }, "mail not sent: delivery failed");
    return { delivered: false };
  }
}

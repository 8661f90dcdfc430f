import nodemailer from 'nodemailer';
import type { SendFailure } from '../domain/delivery';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** Fixed per delivery, angle brackets included. */
  messageId: string;
  attachments: Array<{ filename: string; content: Buffer; contentType: string }>;
  headers?: Record<string, string>;
}

export type SendResult = { kind: 'accepted'; response: string } | { kind: 'failed'; failure: SendFailure };

/** The port the delivery use case sends through; failures come back as data, never thrown. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  timeoutMs: number;
  from: string;
}

/**
 * Sends over SMTP with nodemailer, one connection per e-mail (invoices go out in a monthly
 * burst; a pool would hold connections the other 29 days). Every wait is bounded by
 * `timeoutMs`, so an attempt always ends well within the worker's lease.
 */
export function createSmtpMailSender(settings: SmtpSettings): MailSender {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    // The e-mail is built from event data only: never let it pull files or URLs in.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers,
          attachments: mail.attachments,
        });
        return { kind: 'accepted', response: String(info.response ?? '') };
      } catch (error) {
        return { kind: 'failed', failure: classifySmtpError(error) };
      }
    },
    close: () => transport.close(),
  };
}

const MAX_REASON_LENGTH = 500;

/**
 * A 5xx reply is the server's final word on this message (unknown mailbox, message refused):
 * permanent. A 4xx reply, a connection that fails or times out, and anything unknown are
 * transient. Rejected credentials (535) are transient too: they are our configuration's
 * fault, not the invoice's, and must not fail every invoice of the month at once.
 */
export function classifySmtpError(error: unknown): SendFailure {
  const { code, responseCode, response, message } = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const label = typeof code === 'string' ? code : 'ERROR';
  const detail = typeof response === 'string' && response !== '' ? response : String(message ?? error);
  const reason = `${label}: ${detail}`.slice(0, MAX_REASON_LENGTH);
  if (code === 'EAUTH' || code === 'ENOAUTH') return { kind: 'transient', reason };
  if (typeof responseCode === 'number' && responseCode >= 500) return { kind: 'permanent', reason };
  // No reply code: nodemailer refused the envelope itself (no valid recipient address).
  if (code === 'EENVELOPE' && typeof responseCode !== 'number') return { kind: 'permanent', reason };
  return { kind: 'transient', reason };
}

import type { RetrySchedule } from '@boissipay/runtime/retry-policy';

/**
 * One delivery per invoice and per credit note, plus one per operator's resend of an invoice. PENDING until the SMTP server
 * accepts the e-mail (SENT) or the mailer gives up (FAILED); both are final.
 */
export const deliveryStatuses = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** ORIGINAL: made when the invoice arrived; RESEND: asked for by an operator. */
export type DeliveryKind = 'ORIGINAL' | 'RESEND';

export interface Delivery {
  deliveryId: string;
  /** The invoice e-mailed, or the invoice a credit note corrects. */
  invoiceRef: string;
  /** The credit note e-mailed; null for an invoice's delivery. */
  creditNoteRef: string | null;
  contractRef: string;
  /** Whose invoice it is, when billing said (customer-scoped tokens see only their customers' deliveries). */
  customerRef: string | null;
  recipient: string;
  status: DeliveryStatus;
  /** Attempts started so far; counted when an attempt begins, so a crash mid-send counts too. */
  attempts: number;
  messageId: string;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  failedAt: Date | null;
  failureReason: string | null;
  receivedAt: Date;
  updatedAt: Date;
  kind: DeliveryKind;
  /** RESEND only: why, and the token subject of who asked. */
  reason: string | null;
  requestedBy: string | null;
}

export type ResendDecision = { kind: 'resend'; recipient: string } | { kind: 'refused'; code: 'DELIVERY_IN_PROGRESS'; message: string };

/**
 * Whether an operator may have the invoice e-mailed again: not while one of its deliveries is
 * still PENDING (that one goes out anyway; two copies in flight help nobody). The address
 * given wins over the billing contact's.
 */
export function decideResend(invoice: { invoiceRef: string; billingContactEmail: string }, pendingDeliveries: number, email: string | undefined): ResendDecision {
  if (pendingDeliveries > 0) {
    return { kind: 'refused', code: 'DELIVERY_IN_PROGRESS', message: `A delivery of ${invoice.invoiceRef} is still PENDING: wait for its outcome.` };
  }
  return { kind: 'resend', recipient: email ?? invoice.billingContactEmail };
}

/**
 * Why an attempt failed. Transient: the server could not be reached or answered 4xx ("try
 * again later"); permanent: it answered 5xx, or the e-mail could not be built at all, and
 * sending it again would fail the same way.
 */
export interface SendFailure {
  kind: 'transient' | 'permanent';
  reason: string;
}

export type FailureDecision = { kind: 'retry'; nextAttemptAt: Date } | { kind: 'give-up'; reason: string };

/** After attempt number `attempts` failed: try again later (the platform's retry schedule: doubling, capped, with jitter), or give up. */
export function decideAfterFailure(attempts: number, failure: SendFailure, retries: RetrySchedule, now: Date): FailureDecision {
  if (failure.kind === 'permanent') return { kind: 'give-up', reason: failure.reason };
  if (!retries.mayRetry(attempts)) {
    return { kind: 'give-up', reason: `${failure.reason} (still failing after ${attempts} attempt${attempts === 1 ? '' : 's'})` };
  }
  return { kind: 'retry', nextAttemptAt: new Date(now.getTime() + retries.delayMs(attempts)) };
}

/**
 * The Message-ID of a delivery, fixed when the delivery is created: every copy of the e-mail
 * ever sent for it carries the same one, so a copy resent after a crash is recognisably the
 * same message (mail clients and archives drop the duplicate).
 */
export function messageIdOf(deliveryId: string, sender: string): string {
  return `<${deliveryId}@${mailDomainOf(sender)}>`;
}

/** "Boissipay <billing@boissipay.example>" → "boissipay.example". */
export function mailDomainOf(sender: string): string {
  const address = /<([^<>]+)>\s*$/.exec(sender)?.[1] ?? sender;
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1).trim();
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : 'boissipay';
}

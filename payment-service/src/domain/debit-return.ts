import { debitKeyOf, type Payment } from './payment';

/**
 * A return (R-transaction): a debit the provider had settled, sent back by the debtor's bank
 * days later. Reported by the provider port (the simulator by itself, the file adapter through
 * the bank's status report), named by the debit's idempotency key — the pain.008 end-to-end id.
 */
export interface ReportedReturn {
  /** The debit that came back: the paymentRef, suffixed `-R<n>` for an operator's n-th retry (debitKeyOf). */
  debitKey: string;
  /** ISO 20022 status reason code: AM04, AC04, MD01, MS02… */
  returnReasonCode: string;
}

export type ReturnDecision =
  | { kind: 'returned'; payment: Payment }
  /** The same return was recorded before (a report imported twice, a crash before the provider heard we had it). */
  | { kind: 'already-returned' }
  | { kind: 'not-returnable'; why: string };

/**
 * The stable code (the one FAILED debits use where they mean the same) and plain words of the
 * ISO 20022 reasons a SEPA Core return carries; any other code is DEBIT_RETURNED with its code.
 */
const returnReasons: Readonly<Record<string, { reasonCode: string; text: string }>> = {
  AC01: { reasonCode: 'INVALID_ACCOUNT', text: 'the account number is not valid' },
  AC04: { reasonCode: 'ACCOUNT_CLOSED', text: 'the debtor account is closed' },
  AC06: { reasonCode: 'ACCOUNT_BLOCKED', text: 'the debtor account is blocked' },
  AG01: { reasonCode: 'TRANSACTION_FORBIDDEN', text: 'direct debits are not allowed on the debtor account' },
  AM04: { reasonCode: 'INSUFFICIENT_FUNDS', text: 'insufficient funds on the debtor account' },
  MD01: { reasonCode: 'NO_MANDATE', text: 'the debtor bank holds no valid mandate' },
  MD06: { reasonCode: 'REFUND_REQUESTED', text: 'the debtor asked for the debit to be refunded' },
  MD07: { reasonCode: 'DEBTOR_DECEASED', text: 'the debtor is deceased' },
  MS02: { reasonCode: 'REFUSED_BY_DEBTOR', text: 'the debtor refused the debit' },
  MS03: { reasonCode: 'REASON_NOT_SPECIFIED', text: 'the debtor bank gave no reason' },
  SL01: { reasonCode: 'SPECIFIC_SERVICE', text: 'a service of the debtor bank stopped the debit' },
};

export function returnReasonOf(isoCode: string): { reasonCode: string; reasonMessage: string } {
  const known = returnReasons[isoCode];
  return known
    ? { reasonCode: known.reasonCode, reasonMessage: `SEPA ${isoCode}: ${known.text}` }
    : { reasonCode: 'DEBIT_RETURNED', reasonMessage: `SEPA ${isoCode}: the debit was returned by the debtor bank` };
}

const DEBIT_KEY = /^(PAY-[0-9A-F]{16})(?:-R[1-9][0-9]{0,5})?$/;

/** The payment a debit key belongs to; undefined for a key no payment of ours could have. */
export function paymentRefOfDebitKey(debitKey: string): string | undefined {
  return DEBIT_KEY.exec(debitKey)?.[1];
}

/**
 * What a reported return does: only the payment's current debit, SUCCEEDED by direct debit,
 * can come back; it becomes RETURNED with the reason, and is published like any outcome. The
 * same return reported again finds it RETURNED already. A return of an older round (re-presented
 * since), of a bank transfer, or of a debit that never succeeded is refused with why.
 */
export function decideReturn(payment: Payment, reported: ReportedReturn, now: Date): ReturnDecision {
  const currentKey = debitKeyOf(payment);
  if (reported.debitKey !== currentKey) {
    return { kind: 'not-returnable', why: `${reported.debitKey} is not the current debit of ${payment.paymentRef} (${currentKey})` };
  }
  if (payment.status === 'RETURNED') return { kind: 'already-returned' };
  if (payment.status !== 'SUCCEEDED' || payment.method !== 'DIRECT_DEBIT') {
    return { kind: 'not-returnable', why: `${payment.paymentRef} is ${payment.status} by ${payment.method}: only a settled direct debit can be returned` };
  }
  const { reasonCode, reasonMessage } = returnReasonOf(reported.returnReasonCode);
  return {
    kind: 'returned',
    payment: { ...payment, status: 'RETURNED', reasonCode, reasonMessage, returnReasonCode: reported.returnReasonCode, returnedAt: now, nextAttemptAt: null, updatedAt: now },
  };
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, count, eq, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import { createDatabase } from '@boissipay/runtime';
import type { Pool } from 'pg';
import { isValidIban } from '@boissipay/money';
import type { ReportedReturn } from '../domain/debit-return';
import type { DebitRequest, DebitResult, PaymentProvider } from '../domain/payment-provider';
import { PAYMENT_RETURNS_CHANNEL } from './payment-repository';
import { simulatedDebits } from './schema';

/**
 * Test IBANs of the simulated provider: valid French IBANs (bank 30004, branch 00001, RIB key
 * and IBAN check digits both correct) whose last four digits choose the outcome. Any other
 * valid IBAN is debited successfully. Documented in specs/openapi/payment.yaml and
 * payment-service/README.md.
 */
export const simulatedIbans = {
  /** …0001: always refused, INSUFFICIENT_FUNDS (SEPA AM04). */
  insufficientFunds: 'FR7630004000010010000850001',
  /** …0002: always refused, ACCOUNT_CLOSED (SEPA AC04). */
  accountClosed: 'FR7630004000010010000310002',
  /** …0003: times out on the first call, then succeeds. */
  timeoutOnce: 'FR7630004000010010000740003',
  /** …0004: the provider is always unavailable (the payment ends PROVIDER_UNAVAILABLE). */
  alwaysUnavailable: 'FR7630004000010010000200004',
  /** …0005: refused (INSUFFICIENT_FUNDS) the first time a debit is presented on its mandate, debited when presented again. */
  refusedOnceThenPaid: 'FR7630004000010010000630005',
  /** …0006: debited, then returned AM04 (insufficient funds) after the return delay, the first time a debit is presented on its mandate; presented again, it stays debited. */
  returnedOnceThenPaid: 'FR7630004000010010000090006',
  /** …0007: debited, then returned AC04 (account closed), every time. */
  returnedAccountClosed: 'FR7630004000010010000520007',
  /** …0008: debited, then returned MD01 (no mandate), every time. */
  returnedNoMandate: 'FR7630004000010010000950008',
  /** …0009: debited, then returned MS02 (refused by the debtor), every time. */
  returnedRefusedByDebtor: 'FR7630004000010010000410009',
  /** Any other ending: succeeds. */
  succeeds: 'FR7630004000010001234567830',
} as const;

/**
 * What the simulated bank decides for the `call`-th call (1-based) of a debit it has not
 * decided yet, the `presentation`-th debit (1-based, each under its own key) on its mandate.
 */
export type SimulatedAnswer =
  /** `returnReasonCode`: the debit settles, then comes back with this ISO reason after the return delay. */
  | { outcome: 'SUCCEEDED'; returnReasonCode?: string }
  | { outcome: 'REFUSED'; reasonCode: string; message: string }
  | { outcome: 'TRANSIENT'; reasonCode: string; message: string };

const refused = (reasonCode: string, sepaCode: string, text: string): SimulatedAnswer => ({
  outcome: 'REFUSED',
  reasonCode,
  message: `SEPA ${sepaCode}: ${text}`,
});

/** The deterministic rules of the simulation, by IBAN ending; pure, so they are unit-tested on their own. */
export function simulatedAnswerOf(request: DebitRequest, call: number, presentation = 1): SimulatedAnswer {
  if (!isValidIban(request.iban)) return refused('INVALID_ACCOUNT', 'AC01', 'the IBAN is not a valid account number');
  if (request.currency !== 'EUR') return refused('CURRENCY_NOT_SUPPORTED', 'AM03', `SEPA debits are in EUR, not ${request.currency}`);
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) return refused('INVALID_AMOUNT', 'AM02', 'the amount must be positive');
  switch (request.iban.slice(-4)) {
    case '0001':
      return refused('INSUFFICIENT_FUNDS', 'AM04', 'insufficient funds on the debtor account');
    case '0002':
      return refused('ACCOUNT_CLOSED', 'AC04', 'the debtor account is closed');
    case '0003':
      return call === 1 ? { outcome: 'TRANSIENT', reasonCode: 'PROVIDER_TIMEOUT', message: 'the provider did not answer in time' } : { outcome: 'SUCCEEDED' };
    case '0004':
      return { outcome: 'TRANSIENT', reasonCode: 'PROVIDER_UNAVAILABLE', message: 'the provider is temporarily unavailable' };
    case '0005':
      return presentation === 1 ? refused('INSUFFICIENT_FUNDS', 'AM04', 'insufficient funds on the debtor account') : { outcome: 'SUCCEEDED' };
    case '0006':
      return presentation === 1 ? { outcome: 'SUCCEEDED', returnReasonCode: 'AM04' } : { outcome: 'SUCCEEDED' };
    case '0007':
      return { outcome: 'SUCCEEDED', returnReasonCode: 'AC04' };
    case '0008':
      return { outcome: 'SUCCEEDED', returnReasonCode: 'MD01' };
    case '0009':
      return { outcome: 'SUCCEEDED', returnReasonCode: 'MS02' };
    default:
      return { outcome: 'SUCCEEDED' };
  }
}

/**
 * A SEPA provider stand-in that behaves like a real one where it matters: it answers after
 * `latencyMs`, and it keeps its own books (the `simulated_debits` table, committed in a
 * transaction of its own, never in the caller's) keyed by paymentRef, the idempotency key.
 * A repeated call for a debit it has already decided answers that decision again without
 * debiting anything: so when our worker dies after the provider debited but before our
 * transaction committed, the retry learns "SUCCEEDED" instead of debiting twice. A transient
 * failure decides nothing and debits nothing, so the next call is a genuinely new try. An
 * operator's retry comes under a new key: a new debit, decided afresh.
 *
 * Returns: a debit settled on a returned test IBAN (…0006 to …0009) is given a return, due
 * `returnDelayMs` after it settled on the service's clock (business time, so tests move it), and
 * reported by `pendingReturns` until the payment service acknowledges it.
 */
export function createSimulatedSepaProvider(options: { pool: Pool; latencyMs: number; returnDelayMs: number; clock: () => Date }): PaymentProvider {
  const db = createDatabase(options.pool);
  const unreported = and(isNull(simulatedDebits.returnReportedAt), sql`${simulatedDebits.returnDueAt} is not null`);

  return {
    async debit(request: DebitRequest): Promise<DebitResult> {
      if (options.latencyMs > 0) await sleep(options.latencyMs);
      return db.transaction(async (tx) => {
        // The upsert takes the row lock, so concurrent calls with one key are decided one after the other.
        const [books] = await tx
          .insert(simulatedDebits)
          .values({
            paymentRef: request.debitKey,
            iban: request.iban,
            mandateRef: request.mandateRef,
            amountMinor: request.amountMinor,
            currency: request.currency,
            calls: 1,
          })
          .onConflictDoUpdate({ target: simulatedDebits.paymentRef, set: { calls: sql`${simulatedDebits.calls} + 1` } })
          .returning();
        if (!books) throw new Error(`simulated provider: no books row for ${request.debitKey}`);

        if (books.outcome === 'SUCCEEDED' && books.providerRef) return { outcome: 'SUCCEEDED', providerRef: books.providerRef };
        if (books.outcome === 'FAILED') {
          return { outcome: 'FAILED', reasonCode: books.reasonCode ?? 'REFUSED', message: books.message ?? 'refused', transient: false };
        }

        const [presented] = await tx.select({ value: count() }).from(simulatedDebits).where(eq(simulatedDebits.mandateRef, request.mandateRef));
        const answer = simulatedAnswerOf(request, books.calls, presented?.value ?? 1);
        if (answer.outcome === 'TRANSIENT') return { outcome: 'FAILED', reasonCode: answer.reasonCode, message: answer.message, transient: true };
        const returnReasonCode = answer.outcome === 'SUCCEEDED' ? (answer.returnReasonCode ?? null) : null;
        const decided =
          answer.outcome === 'SUCCEEDED'
            ? { outcome: 'SUCCEEDED' as const, providerRef: `SIM-${randomUUID()}`, reasonCode: null, message: null }
            : { outcome: 'FAILED' as const, providerRef: null, reasonCode: answer.reasonCode, message: answer.message };
        const returns = returnReasonCode ? { returnReasonCode, returnDueAt: new Date(options.clock().getTime() + options.returnDelayMs) } : {};
        await tx
          .update(simulatedDebits)
          .set({ ...decided, ...returns, decidedAt: sql`now()` })
          .where(eq(simulatedDebits.paymentRef, request.debitKey));
        // The returns worker sets its timer for the new return's due time.
        if (returnReasonCode) await tx.execute(sql`select pg_notify(${PAYMENT_RETURNS_CHANNEL}, '')`);
        return decided.outcome === 'SUCCEEDED'
          ? { outcome: 'SUCCEEDED', providerRef: decided.providerRef }
          : { outcome: 'FAILED', reasonCode: decided.reasonCode, message: decided.message, transient: false };
      });
    },

    async pendingReturns(now: Date, limit: number): Promise<ReportedReturn[]> {
      const rows = await db
        .select({ debitKey: simulatedDebits.paymentRef, returnReasonCode: simulatedDebits.returnReasonCode })
        .from(simulatedDebits)
        .where(and(unreported, lte(simulatedDebits.returnDueAt, now)))
        .orderBy(asc(simulatedDebits.returnDueAt), asc(simulatedDebits.paymentRef))
        .limit(limit);
      return rows.flatMap((row) => (row.returnReasonCode ? [{ debitKey: row.debitKey, returnReasonCode: row.returnReasonCode }] : []));
    },

    async acknowledgeReturns(debitKeys: readonly string[], now: Date): Promise<void> {
      if (debitKeys.length === 0) return;
      await db
        .update(simulatedDebits)
        .set({ returnReportedAt: now })
        .where(and(inArray(simulatedDebits.paymentRef, [...debitKeys]), isNull(simulatedDebits.returnReportedAt)));
    },

    async nextReturnDueAt(): Promise<Date | undefined> {
      const [row] = await db.select({ value: min(simulatedDebits.returnDueAt) }).from(simulatedDebits).where(unreported);
      return row?.value ?? undefined;
    },
  };
}

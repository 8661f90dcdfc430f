import { count, eq, sql } from 'drizzle-orm';
import { isValidIban } from '@boissipay/money';
import { createDatabase } from '@boissipay/runtime';
import type { Pool } from 'pg';
import { sequenceTypeOf } from '../domain/collection-batch';
import type { DebitRequest, DebitResult, PaymentProvider } from '../domain/payment-provider';
import { collectionTransactions } from './schema';

const refused = (reasonCode: string, message: string): DebitResult => ({ outcome: 'FAILED', reasonCode, message, transient: false });

/**
 * The file adapter of the provider port (PAYMENT_PROVIDER=pain008): a debit is not sent to a
 * provider's API but written into the batch of its collection date (`collection_transactions`),
 * which GET /v1/collections/{collectionDate}/pain008 serves as a pain.008.001.08 file for the
 * creditor's bank. Once written, the debit counts as SUCCEEDED: what the bank cannot collect comes
 * back as a return (POST /v1/collections/returns).
 *
 * It keeps the port's idempotency contract like a remote provider: its books are written in a
 * transaction of its own, keyed by the debit key; a debit key written before (our transaction
 * rolled back after it, a worker took a lease over) is answered again, never added twice. The
 * sequence type is decided under a lock on the mandate (two replicas writing two debits of one
 * mandate at once still give one FRST).
 */
export function createPain008CollectionProvider(options: { pool: Pool; clock: () => Date }): PaymentProvider {
  const db = createDatabase(options.pool);
  const providerRefOf = (row: { collectionDate: string; debitKey: string }) => `PAIN008:${row.collectionDate}:${row.debitKey}`;

  return {
    async debit(request: DebitRequest): Promise<DebitResult> {
      if (request.currency !== 'EUR') return refused('CURRENCY_NOT_SUPPORTED', `SEPA AM03: SEPA debits are in EUR, not ${request.currency}`);
      if (!isValidIban(request.iban)) return refused('INVALID_ACCOUNT', 'SEPA AC01: the IBAN is not a valid account number');
      if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) return refused('INVALID_AMOUNT', 'SEPA AM02: the amount must be positive');
      if (!request.mandateSignedAt || !request.debtorName) {
        // Payments recorded from invoice events older than these fields: a pain.008 transaction cannot be written without them.
        return refused('MANDATE_DETAILS_MISSING', 'The mandate\'s date of signature or the debtor\'s name is unknown: no pain.008 transaction can be written.');
      }
      const { mandateSignedAt, debtorName } = request;
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pain008-mandate:${request.mandateRef}`}))`);
        const [written] = await tx.select().from(collectionTransactions).where(eq(collectionTransactions.debitKey, request.debitKey));
        if (written) return { outcome: 'SUCCEEDED', providerRef: providerRefOf(written) };
        const [earlier] = await tx.select({ value: count() }).from(collectionTransactions).where(eq(collectionTransactions.mandateRef, request.mandateRef));
        await tx.insert(collectionTransactions).values({
          debitKey: request.debitKey,
          paymentRef: request.paymentRef,
          customerRef: request.customerRef,
          collectionDate: request.collectionDate,
          sequenceType: sequenceTypeOf(earlier?.value ?? 0),
          mandateRef: request.mandateRef,
          mandateSignedAt,
          debtorName,
          iban: request.iban,
          bic: request.bic,
          amountMinor: request.amountMinor,
          currency: request.currency,
          remittanceInformation: request.invoiceRef,
          createdAt: options.clock(),
        });
        return { outcome: 'SUCCEEDED', providerRef: providerRefOf(request) };
      });
    },
  };
}

import type { ReportedReturn } from './debit-return';

/**
 * The port to whoever actually moves the money (a SEPA direct-debit provider), chosen by
 * PAYMENT_PROVIDER: `simulator` (infra/simulated-sepa-provider.ts, the default) or `pain008`
 * (infra/pain008-collection-provider.ts: each debit joins the pain.008 batch of its collection
 * date, handed to the creditor's bank as a file). A real provider plugs in here.
 *
 * Contract every adapter must keep: `debitKey` is the idempotency key. Calling `debit`
 * again with a key the provider has already debited must answer that earlier outcome
 * and never debit a second time: the worker retries after transient failures and after its
 * own crashes, and cannot know whether a call whose answer it lost went through. An
 * operator's retry of a FAILED payment presents a new debit, under a new key.
 */
export interface DebitRequest {
  /** The paymentRef for the invoice's first debit, suffixed for each operator's retry (domain debitKeyOf). */
  debitKey: string;
  paymentRef: string;
  iban: string;
  bic: string | null;
  mandateRef: string;
  amountMinor: number;
  currency: string;
  /** The day the money is to be collected: the payment's collection date, or today for a debit presented after it. */
  collectionDate: string;
  mandateSignedAt: string | null;
  debtorName: string | null;
  /** The invoice number, the transaction's remittance information. */
  invoiceRef: string;
  /** Whose debit it is (customer-scoped reads of the collections). */
  customerRef: string | null;
}

export type DebitResult =
  | { outcome: 'SUCCEEDED'; providerRef: string }
  | {
      outcome: 'FAILED';
      /** Stable code, e.g. INSUFFICIENT_FUNDS, ACCOUNT_CLOSED (the SEPA R-transaction reason is in the message). */
      reasonCode: string;
      message: string;
      /** True when trying again later may succeed (timeout, provider down): nothing was debited. */
      transient: boolean;
    };

export interface PaymentProvider {
  debit(request: DebitRequest): Promise<DebitResult>;
  /**
   * Returns (R-transactions) of settled debits the provider knows of and we have not
   * acknowledged yet, oldest first, at most `limit`. Only a provider that reports returns by
   * itself has it; the file adapter's returns come in as the bank's status report instead
   * (POST /v1/collections/returns). A return is acknowledged once recorded: reported again
   * before that (a crash in between), recording it again changes nothing.
   */
  pendingReturns?(now: Date, limit: number): Promise<ReportedReturn[]>;
  acknowledgeReturns?(debitKeys: readonly string[], now: Date): Promise<void>;
  /** When the next return will be due, if one is known. */
  nextReturnDueAt?(): Promise<Date | undefined>;
}

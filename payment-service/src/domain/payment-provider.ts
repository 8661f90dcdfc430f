/**
 * The port to whoever actually moves the money (a SEPA direct-debit provider). The default
 * adapter is a simulation (infra/simulated-sepa-provider.ts); a real one plugs in here.
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
}

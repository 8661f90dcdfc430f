/**
 * The closed set of reasons billing refuses a request outright, storing nothing, with stable
 * codes clients can branch on. Each maps to one HTTP status in the HTTP layer
 * (http/billing-errors.ts). A rejected operation is not one of them: it is a decision, stored
 * and answered as such (decision.ts).
 */
export type BillingErrorCode =
  | 'UNKNOWN_CURRENCY'
  | 'INVALID_AMOUNT'
  | 'INVALID_VAT_RATE'
  | 'VAT_CATEGORY_INVALID'
  | 'TOTALS_MISMATCH'
  | 'AMOUNT_NOT_POSITIVE'
  | 'PERIOD_NOT_ENDED'
  | 'OPERATION_NOT_FOUND'
  | 'CONTRACT_UNKNOWN'
  | 'BILLING_RUN_NOT_FOUND'
  | 'INVOICE_NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'ORDER_REF_REUSED'
  | 'INVOICE_NOT_CREDITABLE'
  | 'CREDIT_EXCEEDS_INVOICE'
  | 'E_INVOICE_SYNTAX_UNAVAILABLE'
  | 'CREDIT_NOTE_NOT_FOUND';

/** A request refused: its code and what the client reads. */
export interface Refusal<Code extends BillingErrorCode = BillingErrorCode> {
  code: Code;
  message: string;
  /** Every problem, when the message names only the first. */
  detail?: string;
}

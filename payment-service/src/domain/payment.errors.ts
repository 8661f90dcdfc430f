/**
 * The closed set of reasons this service refuses a request, with stable codes clients can
 * branch on. Each maps to one HTTP status in the HTTP layer (http/payment-errors.ts).
 */
export type PaymentErrorCode = 'PAYMENT_NOT_FOUND' | 'COLLECTION_NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | ActionRefusalCode;

/** Why an operator's action does not apply to the payment as it is. */
export type ActionRefusalCode =
  | 'PAYMENT_NOT_FAILED'
  | 'MANDATE_MISSING'
  | 'PAYMENT_ALREADY_SETTLED'
  | 'PAYMENT_IN_PROGRESS'
  | 'PAYMENT_NOT_CANCELLABLE'
  | 'RECEIVED_ON_IN_FUTURE';

/**
 * The closed set of reasons this service refuses a request, with stable codes clients can
 * branch on. Each maps to one HTTP status in the HTTP layer (http/payment-errors.ts).
 */
export type PaymentErrorCode = 'PAYMENT_NOT_FOUND';

import { errorFactory } from '@boissipay/runtime';
import type { PaymentErrorCode } from '../domain/payment.errors';

/** Each of the service's error codes with its one HTTP status. */
const errorStatus = {
  PAYMENT_NOT_FOUND: 404,
  COLLECTION_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 409,
  PAYMENT_NOT_FAILED: 409,
  MANDATE_MISSING: 409,
  PAYMENT_ALREADY_SETTLED: 409,
  PAYMENT_IN_PROGRESS: 409,
  PAYMENT_NOT_CANCELLABLE: 409,
  RECEIVED_ON_IN_FUTURE: 422,
} as const satisfies Record<PaymentErrorCode, number>;

export const paymentError = errorFactory(errorStatus);

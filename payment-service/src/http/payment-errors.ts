import { errorFactory } from '@boissipay/runtime';
import type { PaymentErrorCode } from '../domain/payment.errors';

/** Each of the service's error codes with its one HTTP status. */
const errorStatus = {
  PAYMENT_NOT_FOUND: 404,
} as const satisfies Record<PaymentErrorCode, number>;

export const paymentError = errorFactory(errorStatus);

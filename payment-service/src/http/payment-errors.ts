import { ApiError } from '@boissipay/runtime';

export function paymentNotFound(paymentRef: string): ApiError {
  return new ApiError(404, 'PAYMENT_NOT_FOUND', `No payment ${paymentRef}.`);
}

import { ApiError } from '@boissipay/runtime';

/** Billing's own error codes beyond the runtime's standard ones, each with its one HTTP status. */
const statusByCode = {
  UNKNOWN_CURRENCY: 400,
  INVALID_AMOUNT: 400,
  INVALID_VAT_RATE: 400,
  TOTALS_MISMATCH: 400,
  AMOUNT_NOT_POSITIVE: 400,
  PERIOD_NOT_ENDED: 400,
  OPERATION_NOT_FOUND: 404,
  CONTRACT_UNKNOWN: 404,
  BILLING_RUN_NOT_FOUND: 404,
  INVOICE_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_REF_REUSED: 409,
} as const;

export type BillingErrorCode = keyof typeof statusByCode;

export function billingError(code: BillingErrorCode, message: string, detail?: string): ApiError {
  return new ApiError(statusByCode[code], code, message, detail);
}

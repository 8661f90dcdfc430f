import { errorFactory, type ApiError } from '@boissipay/runtime';
import type { BillingErrorCode, Refusal } from '../domain/billing.errors';

/**
 * Each of billing's error codes with its one HTTP status. A rejected operation is not an
 * error: it is answered 422 with its decision (operation-response-mapper.ts), which is why
 * CONTRACT_UNKNOWN, a rejection code too, can be a 404 here (the balance of a contract
 * billing does not know).
 */
const errorStatus = {
  UNKNOWN_CURRENCY: 400,
  INVALID_AMOUNT: 400,
  INVALID_VAT_RATE: 400,
  VAT_CATEGORY_INVALID: 400,
  TOTALS_MISMATCH: 400,
  AMOUNT_NOT_POSITIVE: 400,
  PERIOD_NOT_ENDED: 400,
  OPERATION_NOT_FOUND: 404,
  CONTRACT_UNKNOWN: 404,
  BILLING_RUN_NOT_FOUND: 404,
  INVOICE_NOT_FOUND: 404,
  CREDIT_NOTE_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_REF_REUSED: 409,
  INVOICE_NOT_CREDITABLE: 409,
  CREDIT_EXCEEDS_INVOICE: 422,
  E_INVOICE_SYNTAX_UNAVAILABLE: 409,
} as const satisfies Record<BillingErrorCode, number>;

export const billingError = errorFactory(errorStatus);

export function refusalError({ code, message, detail }: Refusal): ApiError {
  return billingError(code, message, detail);
}

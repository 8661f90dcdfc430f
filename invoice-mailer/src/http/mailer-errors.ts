import { errorFactory } from '@boissipay/runtime';
import type { MailerErrorCode } from '../domain/mailer.errors';

/** Each of the service's error codes with its one HTTP status. */
const errorStatus = {
  DELIVERY_NOT_FOUND: 404,
  INVOICE_NOT_FOUND: 404,
  CREDIT_NOTE_NOT_FOUND: 404,
  DELIVERY_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
} as const satisfies Record<MailerErrorCode, number>;

export const mailerError = errorFactory(errorStatus);

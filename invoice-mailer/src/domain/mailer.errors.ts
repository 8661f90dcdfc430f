/**
 * The closed set of reasons this service refuses a request, with stable codes clients can
 * branch on. Each maps to one HTTP status in the HTTP layer (http/mailer-errors.ts).
 */
export type MailerErrorCode = 'DELIVERY_NOT_FOUND' | 'INVOICE_NOT_FOUND' | 'CREDIT_NOTE_NOT_FOUND' | 'DELIVERY_IN_PROGRESS' | 'IDEMPOTENCY_KEY_REUSED';

import { decideDelivery, decidePaymentResult, type InvoiceToSettle, type PaymentReport } from './invoice-settlement';

const invoice = (overrides: Partial<InvoiceToSettle> = {}): InvoiceToSettle => ({
  invoiceRef: 'BIL-2026-000042',
  paymentStatus: 'PENDING',
  deliveryStatus: 'PENDING',
  currency: 'EUR',
  totalWithTaxMinor: 24_898,
  amountDueMinor: 24_898,
  ...overrides,
});
const at = new Date('2026-11-05T09:00:00Z');
const succeeded: PaymentReport = { status: 'SUCCEEDED', paymentRef: 'PAY-1', amountMinor: 24_898, currency: 'EUR', reasonCode: null, reasonMessage: null, at };
const failed: PaymentReport = { ...succeeded, status: 'FAILED', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'AM04 insufficient funds' };

describe('decidePaymentResult', () => {
  it('when an invoice deducted a credit, then the debit of its amount due pays it and the outstanding falls by that amount only', () => {
    const deducted = invoice({ amountDueMinor: 20_000 });
    expect(decidePaymentResult(deducted, { ...succeeded, amountMinor: 20_000 })).toEqual({ kind: 'paid', paidAt: at, outstandingDeltaMinor: -20_000 });
    expect(decidePaymentResult(deducted, succeeded)).toMatchObject({ kind: 'ignored' });
  });

  it('when a pending or unpaid invoice is debited, then it is paid and the outstanding falls by its total', () => {
    expect(decidePaymentResult(invoice(), succeeded)).toEqual({ kind: 'paid', paidAt: at, outstandingDeltaMinor: -24_898 });
    expect(decidePaymentResult(invoice({ paymentStatus: 'UNPAID' }), succeeded)).toMatchObject({ kind: 'paid' });
  });

  it('when the debit fails, then the invoice is unpaid with the reason', () => {
    expect(decidePaymentResult(invoice(), failed)).toEqual({ kind: 'unpaid', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'AM04 insufficient funds' });
  });

  it('when an operator cancels the debit, then the invoice is unpaid with DEBIT_CANCELLED and stays payable', () => {
    const cancelled: PaymentReport = { ...succeeded, status: 'CANCELLED', reasonCode: 'DEBIT_CANCELLED', reasonMessage: 'Customer pays by transfer' };
    expect(decidePaymentResult(invoice(), cancelled)).toEqual({ kind: 'unpaid', reasonCode: 'DEBIT_CANCELLED', reasonMessage: 'Customer pays by transfer' });
    expect(decidePaymentResult(invoice({ paymentStatus: 'UNPAID' }), succeeded)).toMatchObject({ kind: 'paid' });
  });

  it('when a debit that paid the invoice is returned, then it is unpaid again and the outstanding rises by its total', () => {
    const returned: PaymentReport = { ...succeeded, status: 'RETURNED', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'SEPA AM04: insufficient funds' };
    expect(decidePaymentResult(invoice({ paymentStatus: 'PAID' }), returned)).toEqual({
      kind: 'returned',
      reasonCode: 'INSUFFICIENT_FUNDS',
      reasonMessage: 'SEPA AM04: insufficient funds',
      outstandingDeltaMinor: 24_898,
    });
    // Its SUCCEEDED never applied: unpaid, nothing to give back to the outstanding.
    expect(decidePaymentResult(invoice(), returned)).toEqual({ kind: 'unpaid', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'SEPA AM04: insufficient funds' });
    expect(decidePaymentResult(invoice({ paymentStatus: 'NOT_REQUIRED' }), returned).kind).toBe('ignored');
    expect(decidePaymentResult(invoice({ paymentStatus: 'PAID' }), { ...returned, amountMinor: 1 }).kind).toBe('ignored');
  });

  it('when the invoice is already paid or a credit note, or the amount differs, then the report is ignored', () => {
    expect(decidePaymentResult(invoice({ paymentStatus: 'PAID' }), succeeded).kind).toBe('ignored');
    expect(decidePaymentResult(invoice({ paymentStatus: 'PAID' }), failed).kind).toBe('ignored');
    expect(decidePaymentResult(invoice({ paymentStatus: 'NOT_REQUIRED' }), succeeded).kind).toBe('ignored');
    expect(decidePaymentResult(invoice(), { ...succeeded, amountMinor: 24_897 }).kind).toBe('ignored');
    expect(decidePaymentResult(invoice(), { ...succeeded, currency: 'USD' }).kind).toBe('ignored');
  });
});

describe('decideDelivery', () => {
  it('when the e-mail was sent, then SENT with its time; a later report changes nothing', () => {
    const sent = { status: 'SENT' as const, recipient: 'accounts@acme.example', at, failureReason: null };
    expect(decideDelivery(invoice(), sent)).toEqual({ kind: 'sent', sentAt: at, recipient: 'accounts@acme.example' });
    expect(decideDelivery(invoice({ deliveryStatus: 'FAILED' }), sent).kind).toBe('sent');
    expect(decideDelivery(invoice({ deliveryStatus: 'SENT' }), sent).kind).toBe('ignored');
    expect(decideDelivery(invoice({ deliveryStatus: 'SENT' }), { ...sent, status: 'FAILED', failureReason: '550 mailbox unavailable' }).kind).toBe('ignored');
    expect(decideDelivery(invoice(), { ...sent, status: 'FAILED', failureReason: '550 mailbox unavailable' })).toEqual({ kind: 'failed', reason: '550 mailbox unavailable' });
  });
});

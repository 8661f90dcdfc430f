import { isFinal, isPublished, paymentForInvoice } from './payment';
import { buildInvoiceToCollect, NOW } from './payment.fixtures';

const ids = { paymentRef: 'PAY-00000000000000AA', now: NOW, collectionAt: NOW };

describe('paymentForInvoice', () => {
  it('when the invoice asks for a debit and has a mandate, then the payment is PENDING and due at once', () => {
    const payment = paymentForInvoice(buildInvoiceToCollect(), ids);
    expect(payment).toMatchObject({
      paymentRef: 'PAY-00000000000000AA',
      invoiceRef: 'BIL-2026-000042',
      status: 'PENDING',
      attemptCount: 0,
      nextAttemptAt: NOW,
      amount: { amountMinor: 123_456, currency: 'EUR' },
      reasonCode: null,
      settledAt: null,
    });
  });

  it('when the collection date is ahead, then the payment waits for the start of that day and nothing is due before', () => {
    const collectionAt = new Date('2026-11-09T05:00:00.000Z');
    const payment = paymentForInvoice(buildInvoiceToCollect(), { ...ids, collectionAt });
    expect(payment).toMatchObject({ status: 'PENDING', collectionDate: '2026-11-09', dueDate: '2026-11-08', nextAttemptAt: collectionAt });
  });

  it('when the collection date has passed (a late event), then the payment is due at once', () => {
    const payment = paymentForInvoice(buildInvoiceToCollect(), { ...ids, collectionAt: new Date(NOW.getTime() - 86_400_000) });
    expect(payment.nextAttemptAt).toEqual(NOW);
  });

  it('when the invoice asks for no debit (credit note), then the payment is NOT_REQUIRED and never due', () => {
    const payment = paymentForInvoice(buildInvoiceToCollect({ debitRequired: false, amount: { amountMinor: -5_000, currency: 'EUR' } }), ids);
    expect(payment).toMatchObject({ status: 'NOT_REQUIRED', nextAttemptAt: null, attemptCount: 0 });
  });

  it.each([0, -1])('when the total is %i although a debit is asked for, then nothing is debited (NOT_REQUIRED)', (amountMinor) => {
    const payment = paymentForInvoice(buildInvoiceToCollect({ amount: { amountMinor, currency: 'EUR' } }), ids);
    expect(payment.status).toBe('NOT_REQUIRED');
  });

  it('when a debit is due but the invoice has no mandate, then the payment is FAILED with MANDATE_MISSING without any attempt', () => {
    const payment = paymentForInvoice(buildInvoiceToCollect({ mandate: null }), ids);
    expect(payment).toMatchObject({ status: 'FAILED', reasonCode: 'MANDATE_MISSING', attemptCount: 0, nextAttemptAt: null });
  });
});

describe('payment statuses', () => {
  it('when final, then only SUCCEEDED and FAILED are published', () => {
    expect(['PENDING', 'RETRY_SCHEDULED', 'SUCCEEDED', 'FAILED', 'NOT_REQUIRED'].map((status) => [status, isFinal(status as never), isPublished(status as never)])).toEqual([
      ['PENDING', false, false],
      ['RETRY_SCHEDULED', false, false],
      ['SUCCEEDED', true, true],
      ['FAILED', true, true],
      ['NOT_REQUIRED', true, false],
    ]);
  });
});

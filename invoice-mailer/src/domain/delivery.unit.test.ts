import { retryScheduleOf } from '@boissipay/runtime/retry-policy';
import { decideAfterFailure, decideResend, mailDomainOf, messageIdOf } from './delivery';

/** Without jitter (the random source pinned at 0), so that the due times are exact. */
const policy = retryScheduleOf({ maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 }, () => 0);
const now = new Date('2026-11-01T10:00:00.000Z');

describe('delivery decisions', () => {
  it('when a transient failure happens before the last attempt, then the next attempt is scheduled with a doubling back-off', () => {
    expect(decideAfterFailure(1, { kind: 'transient', reason: 'ECONNREFUSED' }, policy, now)).toEqual({
      kind: 'retry',
      nextAttemptAt: new Date('2026-11-01T10:00:01.000Z'),
    });
    expect(decideAfterFailure(3, { kind: 'transient', reason: 'ECONNREFUSED' }, policy, now)).toEqual({
      kind: 'retry',
      nextAttemptAt: new Date('2026-11-01T10:00:04.000Z'),
    });
  });

  it('when a transient failure happens on the last attempt, then the delivery is given up, saying how often it was tried', () => {
    expect(decideAfterFailure(4, { kind: 'transient', reason: '451 try later' }, policy, now)).toEqual({
      kind: 'give-up',
      reason: '451 try later (still failing after 4 attempts)',
    });
  });

  it('when the failure is permanent, then the delivery is given up at once', () => {
    expect(decideAfterFailure(1, { kind: 'permanent', reason: '550 no such user' }, policy, now)).toEqual({ kind: 'give-up', reason: '550 no such user' });
  });

  it('when a Message-ID is made, then it depends only on the delivery and the sender domain', () => {
    const deliveryId = '7d1c1f1e-4b7a-4d59-9d7e-2a3c1d7e9f00';
    expect(messageIdOf(deliveryId, 'Boissipay Billing <billing@Boissipay.example>')).toBe(`<${deliveryId}@boissipay.example>`);
    expect(messageIdOf(deliveryId, 'billing@mail.boissipay.example')).toBe(`<${deliveryId}@mail.boissipay.example>`);
    expect(mailDomainOf('no address')).toBe('boissipay');
  });
});

describe('decideResend', () => {
  const invoice = { invoiceRef: 'BIL-2026-000042', billingContactEmail: 'billing@acme.example' };

  it('when no delivery of the invoice is pending, then it goes to the address given, else to the billing contact', () => {
    expect(decideResend(invoice, 0, undefined)).toEqual({ kind: 'resend', recipient: 'billing@acme.example' });
    expect(decideResend(invoice, 0, 'accounts@acme.example')).toEqual({ kind: 'resend', recipient: 'accounts@acme.example' });
  });

  it('when a delivery of the invoice is still pending, then the resend is refused', () => {
    expect(decideResend(invoice, 1, undefined)).toMatchObject({ kind: 'refused', code: 'DELIVERY_IN_PROGRESS' });
  });
});

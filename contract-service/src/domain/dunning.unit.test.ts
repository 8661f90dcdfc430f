import { dunningDecisionOf, type DebitOutcome, type DunningPolicy } from './dunning';

const policy: DunningPolicy = { enabled: true, ignoredReasons: ['PROVIDER_UNAVAILABLE', 'PROVIDER_TIMEOUT'] };
const failed = (reasonCode: string | null, reasonMessage: string | null = null): DebitOutcome => ({ status: 'FAILED', invoiceRef: 'BIL-2026-000042', reasonCode, reasonMessage });

describe('dunning decision', () => {
  it('when the debit succeeded, then nothing is suspended', () => {
    expect(dunningDecisionOf({ status: 'SUCCEEDED', invoiceRef: 'BIL-2026-000042', reasonCode: null, reasonMessage: null }, policy)).toEqual({
      kind: 'ignore',
      why: 'BIL-2026-000042 was paid',
    });
  });

  it('when an operator cancelled the debit, then nothing is suspended', () => {
    expect(dunningDecisionOf({ status: 'CANCELLED', invoiceRef: 'BIL-2026-000042', reasonCode: 'DEBIT_CANCELLED', reasonMessage: 'paid by transfer' }, policy)).toMatchObject({ kind: 'ignore' });
  });

  it('when the debit failed on the customer side, then the contract is suspended with the invoice and the reason', () => {
    expect(dunningDecisionOf(failed('INSUFFICIENT_FUNDS', 'AM04 insufficient funds on the debtor account'), policy)).toEqual({
      kind: 'suspend',
      reason: 'Direct debit of invoice BIL-2026-000042 failed: INSUFFICIENT_FUNDS (AM04 insufficient funds on the debtor account)',
    });
    expect(dunningDecisionOf(failed('MANDATE_MISSING'), policy)).toEqual({ kind: 'suspend', reason: 'Direct debit of invoice BIL-2026-000042 failed: MANDATE_MISSING' });
  });

  it('when a settled debit was returned by the debtor\'s bank, then the contract is suspended as for a refusal', () => {
    expect(dunningDecisionOf({ status: 'RETURNED', invoiceRef: 'BIL-2026-000042', reasonCode: 'INSUFFICIENT_FUNDS', reasonMessage: 'SEPA AM04: insufficient funds' }, policy)).toEqual({
      kind: 'suspend',
      reason: 'Direct debit of invoice BIL-2026-000042 was returned: INSUFFICIENT_FUNDS (SEPA AM04: insufficient funds)',
    });
  });

  it('when the failure is the payment provider\'s, then nothing is suspended', () => {
    expect(dunningDecisionOf(failed('PROVIDER_UNAVAILABLE'), policy)).toMatchObject({ kind: 'ignore' });
    expect(dunningDecisionOf(failed('PROVIDER_TIMEOUT'), policy)).toMatchObject({ kind: 'ignore' });
  });

  it('when the reason is unknown or missing, then the contract is suspended: money is owed', () => {
    expect(dunningDecisionOf(failed('SOMETHING_NEW'), policy)).toMatchObject({ kind: 'suspend' });
    expect(dunningDecisionOf(failed(null), policy)).toEqual({ kind: 'suspend', reason: 'Direct debit of invoice BIL-2026-000042 failed: UNKNOWN' });
  });

  it('when dunning is off, then no failure suspends', () => {
    expect(dunningDecisionOf(failed('INSUFFICIENT_FUNDS'), { ...policy, enabled: false })).toMatchObject({ kind: 'ignore' });
  });
});

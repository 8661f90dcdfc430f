import type { ContractStatus } from './contract';
import { buildContract } from './contract.fixtures';
import { decide, type LifecycleCommand } from './lifecycle';

const today = '2026-11-20';
const mandate = { mandateRef: 'RUM-2', iban: 'DE89370400440532013000', bic: null, signedAt: '2026-11-19', status: 'ACTIVE' } as const;

const commands: Record<LifecycleCommand['type'], LifecycleCommand> = {
  ACTIVATE: { type: 'ACTIVATE' },
  SUSPEND: { type: 'SUSPEND', reason: 'unpaid invoice' },
  REACTIVATE: { type: 'REACTIVATE' },
  TERMINATE: { type: 'TERMINATE', reason: 'customer left', effectiveDate: null },
  EXPIRE: { type: 'EXPIRE' },
  REPLACE_MANDATE: { type: 'REPLACE_MANDATE', mandate },
  REVOKE_MANDATE: { type: 'REVOKE_MANDATE', reason: 'bank closed' },
  CHANGE_LANGUAGE: { type: 'CHANGE_LANGUAGE', language: 'en' },
  CHANGE_LIMIT: { type: 'CHANGE_LIMIT', limit: { amount: 7500.25, currency: 'EUR' } },
};

/** Which command is allowed from which status: the whole transition table, checked cell by cell. */
const allowed: Record<LifecycleCommand['type'], ContractStatus[]> = {
  ACTIVATE: ['CREATED'],
  SUSPEND: ['ACTIVE'],
  REACTIVATE: ['SUSPENDED'],
  TERMINATE: ['CREATED', 'ACTIVE', 'SUSPENDED'],
  EXPIRE: ['ACTIVE', 'SUSPENDED'],
  REPLACE_MANDATE: ['CREATED', 'ACTIVE', 'SUSPENDED'],
  REVOKE_MANDATE: ['CREATED', 'ACTIVE', 'SUSPENDED'],
  CHANGE_LIMIT: ['CREATED', 'ACTIVE', 'SUSPENDED'],
  CHANGE_LANGUAGE: ['CREATED', 'ACTIVE', 'SUSPENDED'],
};

describe('decide', () => {
  const statuses: ContractStatus[] = ['CREATED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED'];

  it('when any command meets any status, then it is accepted exactly where the transition table allows it', () => {
    for (const [type, command] of Object.entries(commands) as [LifecycleCommand['type'], LifecycleCommand][]) {
      for (const status of statuses) {
        // EXPIRE needs a past validity; the others a current one.
        const expireAt = type === 'EXPIRE' ? '2026-11-19' : '2027-10-04';
        const decision = decide(command, buildContract({ status, expireAt, version: 4 }), today);
        const expected = allowed[type].includes(status) ? 'accepted' : 'refused';
        expect(`${type} from ${status}: ${decision.kind}`).toBe(`${type} from ${status}: ${expected}`);
        if (decision.kind === 'accepted') expect(decision.contract.version).toBe(5);
        if (decision.kind === 'refused') {
          expect(decision.code).toBe('ILLEGAL_TRANSITION');
          expect(decision.message).toContain(`${status} →`);
        }
      }
    }
  });

  it('when a contract is activated, then it needs an ACTIVE mandate and a validity not yet over', () => {
    const pending = buildContract({ mandate: { ...buildContract().mandate, status: 'PENDING_SIGNATURE', signedAt: null } });
    expect(decide(commands.ACTIVATE, pending, today)).toMatchObject({ kind: 'refused', code: 'MANDATE_NOT_ACTIVE' });
    expect(decide(commands.ACTIVATE, buildContract({ expireAt: '2026-11-19' }), today)).toMatchObject({ kind: 'refused', code: 'CONTRACT_VALIDITY_ENDED' });
    expect(decide(commands.ACTIVATE, buildContract(), today)).toMatchObject({ kind: 'accepted', eventType: 'ACTIVATED', contract: { status: 'ACTIVE' } });
  });

  it('when suspended then reactivated, then the reason is kept while suspended and cleared after', () => {
    const suspended = decide(commands.SUSPEND, buildContract({ status: 'ACTIVE' }), today);
    expect(suspended).toMatchObject({ eventType: 'SUSPENDED', reason: 'unpaid invoice', contract: { statusReason: 'unpaid invoice' } });
    if (suspended.kind !== 'accepted') throw new Error('expected acceptance');
    expect(decide(commands.REACTIVATE, suspended.contract, today)).toMatchObject({ eventType: 'REACTIVATED', contract: { status: 'ACTIVE', statusReason: null } });
  });

  it('when terminated, then the effective date defaults to today and may not be in the future nor before creation', () => {
    const contract = buildContract({ status: 'ACTIVE' });
    expect(decide(commands.TERMINATE, contract, today)).toMatchObject({ contract: { status: 'TERMINATED', terminatedAt: today } });
    expect(decide({ type: 'TERMINATE', reason: 'x', effectiveDate: '2026-11-01' }, contract, today)).toMatchObject({ contract: { terminatedAt: '2026-11-01' } });
    expect(decide({ type: 'TERMINATE', reason: 'x', effectiveDate: '2026-11-21' }, contract, today)).toMatchObject({ kind: 'invalid' });
    expect(decide({ type: 'TERMINATE', reason: 'x', effectiveDate: '2026-09-30' }, contract, today)).toMatchObject({ kind: 'invalid' });
  });

  it('when the expiry check runs, then only contracts whose last valid day is before today expire', () => {
    const active = buildContract({ status: 'ACTIVE', expireAt: today });
    expect(decide(commands.EXPIRE, active, today)).toMatchObject({ kind: 'refused', code: 'CONTRACT_STILL_VALID' });
    expect(decide(commands.EXPIRE, active, '2026-11-21')).toMatchObject({ eventType: 'EXPIRED', reason: 'validity ended', contract: { status: 'EXPIRED' } });
  });

  it('when the mandate is revoked, then it keeps its reference, is dated today, and cannot be revoked twice', () => {
    const revoked = decide(commands.REVOKE_MANDATE, buildContract({ status: 'ACTIVE' }), today);
    expect(revoked).toMatchObject({ eventType: 'MANDATE_REVOKED', contract: { status: 'ACTIVE', mandate: { mandateRef: 'RUM-1', status: 'REVOKED', revokedAt: today } } });
    if (revoked.kind !== 'accepted') throw new Error('expected acceptance');
    expect(decide(commands.REVOKE_MANDATE, revoked.contract, today)).toMatchObject({ kind: 'refused', code: 'MANDATE_ALREADY_REVOKED' });
    expect(decide(commands.REPLACE_MANDATE, revoked.contract, today)).toMatchObject({ eventType: 'MANDATE_CHANGED', contract: { mandate: { mandateRef: 'RUM-2', status: 'ACTIVE', revokedAt: null } } });
  });

  it('when a replacement mandate has a bad IBAN, then it is invalid input', () => {
    const decision = decide({ type: 'REPLACE_MANDATE', mandate: { ...mandate, iban: 'DE89370400440532013001' } }, buildContract(), today);
    expect(decision).toMatchObject({ kind: 'invalid', problems: [{ code: 'INVALID_IBAN', field: '/iban' }] });
  });

  it('when the limit changes, then the amount converts exactly and a currency change is refused', () => {
    expect(decide(commands.CHANGE_LIMIT, buildContract(), today)).toMatchObject({ eventType: 'LIMIT_CHANGED', contract: { outstandingLimit: { amountMinor: 750_025, currency: 'EUR' } } });
    expect(decide({ type: 'CHANGE_LIMIT', limit: { amount: 100, currency: 'USD' } }, buildContract(), today)).toMatchObject({ kind: 'refused', code: 'CURRENCY_CHANGE_REFUSED' });
    expect(decide({ type: 'CHANGE_LIMIT', limit: { amount: 0.001, currency: 'EUR' } }, buildContract(), today)).toMatchObject({ kind: 'invalid', problems: [{ code: 'INVALID_AMOUNT' }] });
  });

  it('when the language changes, then the contract carries it on a LANGUAGE_CHANGED event with the reason given', () => {
    const decision = decide({ type: 'CHANGE_LANGUAGE', language: 'en', reason: 'English-speaking accounts team' }, buildContract({ version: 3 }), today);
    expect(decision).toMatchObject({ kind: 'accepted', eventType: 'LANGUAGE_CHANGED', reason: 'English-speaking accounts team', contract: { language: 'en', version: 4 } });
  });
});

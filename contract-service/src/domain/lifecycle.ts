import type { Change, Contract, ContractEventType, ContractStatus, IsoDate, Language } from './contract';
import { refused, type Invalid, type Refused } from './contract.errors';
import { checkLimit, checkMandate, type AmountInput, type MandateInput } from './contract-inputs';
import { isAfter, isBefore } from './dates';

/** Every change a contract can go through after its creation. */
export type LifecycleCommand =
  | { type: 'ACTIVATE'; reason?: string | null }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'REACTIVATE'; reason?: string | null }
  | { type: 'TERMINATE'; reason: string; effectiveDate: IsoDate | null }
  | { type: 'EXPIRE' }
  | { type: 'REPLACE_MANDATE'; mandate: MandateInput; reason?: string | null }
  | { type: 'REVOKE_MANDATE'; reason: string }
  | { type: 'CHANGE_LIMIT'; limit: AmountInput; reason?: string | null }
  | { type: 'CHANGE_LANGUAGE'; language: Language; reason?: string | null };

export type Decision = Change | Invalid | Refused;

export const EXPIRY_REASON = 'validity ended';

const OPEN: readonly ContractStatus[] = ['CREATED', 'ACTIVE', 'SUSPENDED'];

/** The statuses each command may start from; TERMINATED and EXPIRED are final for all. */
const allowedFrom: Record<LifecycleCommand['type'], readonly ContractStatus[]> = {
  ACTIVATE: ['CREATED'],
  SUSPEND: ['ACTIVE'],
  REACTIVATE: ['SUSPENDED'],
  TERMINATE: OPEN,
  EXPIRE: ['ACTIVE', 'SUSPENDED'],
  REPLACE_MANDATE: OPEN,
  REVOKE_MANDATE: OPEN,
  CHANGE_LIMIT: OPEN,
  CHANGE_LANGUAGE: OPEN,
};

/** What each command turns into: a status for status changes, the event type for the others. */
const targetOf: Record<LifecycleCommand['type'], ContractStatus | ContractEventType> = {
  ACTIVATE: 'ACTIVE',
  SUSPEND: 'SUSPENDED',
  REACTIVATE: 'ACTIVE',
  TERMINATE: 'TERMINATED',
  EXPIRE: 'EXPIRED',
  REPLACE_MANDATE: 'MANDATE_CHANGED',
  REVOKE_MANDATE: 'MANDATE_REVOKED',
  CHANGE_LIMIT: 'LIMIT_CHANGED',
  CHANGE_LANGUAGE: 'LANGUAGE_CHANGED',
};

/**
 * Decides one command against the contract as it is `today`: either the contract after it
 * (version + 1) and the event to publish, or why not. Pure: the caller loads the contract
 * under a lock, passes the date, and stores what comes back.
 */
export function decide(command: LifecycleCommand, contract: Contract, today: IsoDate): Decision {
  const from = contract.status;
  if (!allowedFrom[command.type].includes(from)) {
    const to = targetOf[command.type];
    const allowed = allowedFrom[command.type].join(', ');
    const why = OPEN.includes(from) ? `allowed only from ${allowed}` : `${from} is final`;
    return refused('ILLEGAL_TRANSITION', `Illegal transition ${from} → ${to} for contract ${contract.contractRef}: ${why}.`);
  }
  const next = (changes: Partial<Contract>, eventType: ContractEventType, reason: string | null = null): Change => ({
    kind: 'accepted',
    contract: { ...contract, ...changes, version: contract.version + 1 },
    eventType,
    reason,
  });
  const validityEnded = isBefore(contract.expireAt, today);

  switch (command.type) {
    case 'ACTIVATE':
      if (contract.mandate.status !== 'ACTIVE') {
        return refused('MANDATE_NOT_ACTIVE', `Contract ${contract.contractRef} cannot be activated: its mandate is ${contract.mandate.status}, not ACTIVE.`);
      }
      if (validityEnded) return refused('CONTRACT_VALIDITY_ENDED', `Contract ${contract.contractRef} cannot be activated: its validity ended on ${contract.expireAt}.`);
      return next({ status: 'ACTIVE', statusReason: null }, 'ACTIVATED', command.reason ?? null);

    case 'SUSPEND':
      return next({ status: 'SUSPENDED', statusReason: command.reason }, 'SUSPENDED', command.reason);

    case 'REACTIVATE':
      if (validityEnded) return refused('CONTRACT_VALIDITY_ENDED', `Contract ${contract.contractRef} cannot be reactivated: its validity ended on ${contract.expireAt}.`);
      return next({ status: 'ACTIVE', statusReason: null }, 'REACTIVATED', command.reason ?? null);

    case 'TERMINATE': {
      const effectiveDate = command.effectiveDate ?? today;
      if (isAfter(effectiveDate, today) || isBefore(effectiveDate, contract.createdAt)) {
        return {
          kind: 'invalid',
          problems: [
            {
              code: 'INVALID_EFFECTIVE_DATE',
              field: '/effectiveDate',
              message: `effectiveDate (${effectiveDate}) must lie between createdAt (${contract.createdAt}) and today (${today}).`,
            },
          ],
        };
      }
      return next({ status: 'TERMINATED', statusReason: command.reason, terminatedAt: effectiveDate }, 'TERMINATED', command.reason);
    }

    case 'EXPIRE':
      if (!validityEnded) return refused('CONTRACT_STILL_VALID', `Contract ${contract.contractRef} is valid until ${contract.expireAt}.`);
      return next({ status: 'EXPIRED', statusReason: EXPIRY_REASON }, 'EXPIRED', EXPIRY_REASON);

    case 'REPLACE_MANDATE': {
      const mandate = checkMandate(command.mandate, today, '');
      if (!mandate.ok) return { kind: 'invalid', problems: mandate.problems };
      return next({ mandate: mandate.value }, 'MANDATE_CHANGED', command.reason ?? null);
    }

    case 'REVOKE_MANDATE':
      if (contract.mandate.status === 'REVOKED') {
        return refused('MANDATE_ALREADY_REVOKED', `The mandate ${contract.mandate.mandateRef} of contract ${contract.contractRef} is already revoked.`);
      }
      return next(
        { mandate: { ...contract.mandate, status: 'REVOKED', revokedAt: today, revocationReason: command.reason } },
        'MANDATE_REVOKED',
        command.reason,
      );

    case 'CHANGE_LIMIT': {
      const limit = checkLimit(command.limit, '');
      if (!limit.ok) return { kind: 'invalid', problems: limit.problems };
      if (limit.value.currency !== contract.outstandingLimit.currency) {
        return refused(
          'CURRENCY_CHANGE_REFUSED',
          `The limit of contract ${contract.contractRef} is in ${contract.outstandingLimit.currency}; it cannot change to ${limit.value.currency}.`,
        );
      }
      return next({ outstandingLimit: limit.value }, 'LIMIT_CHANGED', command.reason ?? null);
    }

    case 'CHANGE_LANGUAGE':
      return next({ language: command.language }, 'LANGUAGE_CHANGED', command.reason ?? null);

    default:
      return assertNever(command);
  }
}

function assertNever(command: never): never {
  throw new Error(`unhandled lifecycle command ${JSON.stringify(command)}`);
}

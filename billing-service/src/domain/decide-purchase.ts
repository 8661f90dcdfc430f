import { toDecimalText, type Money } from '@boissipay/money';
import type { ContractView, MandateView } from './contract-view';
import { accepted, assertNever, rejected, type Decision, type Rejected } from './decision';
import { whyDatedInFuture, type DecisionDay } from './operation-date';

export interface PurchaseCommand {
  orderRef: string;
  /** ISO date of the purchase in the sales system. */
  operationAt: string;
  /** What the customer will owe for it: the order's total with tax. */
  amount: Money;
}

export interface BalanceView {
  outstandingMinor: number;
}

/**
 * Seven checks, the first one failed being the answer: the contract is known, it is active, the
 * purchase is dated within its validity and not after today (plus the tolerance), its mandate
 * is valid, the purchase is in the contract's currency, and the outstanding stays within the
 * limit. `day.today` (ISO date in billing's time zone) makes a contract whose validity has
 * ended count as not active even before its EXPIRED event has arrived.
 */
export function decidePurchase(command: PurchaseCommand, contract: ContractView | undefined, balance: BalanceView, day: DecisionDay): Decision {
  if (!contract) return rejected('CONTRACT_UNKNOWN', 'Billing knows no contract with this reference.');
  const notActive = whyNotActive(contract, day.today);
  if (notActive) return notActive;
  if (command.operationAt < contract.activatedAt || command.operationAt > contract.expireAt) {
    return rejected(
      'OUTSIDE_CONTRACT_VALIDITY',
      `The operation date ${command.operationAt} is outside the contract's validity (${contract.activatedAt} to ${contract.expireAt}).`,
    );
  }
  const inFuture = whyDatedInFuture(command.operationAt, day);
  if (inFuture) return inFuture;
  const mandateProblem = whyMandateInvalid(contract.mandate);
  if (mandateProblem) return rejected('MANDATE_INVALID', mandateProblem);
  if (command.amount.currency !== contract.limit.currency) {
    return rejected('CURRENCY_MISMATCH', `The contract is billed in ${contract.limit.currency}, not ${command.amount.currency}.`);
  }
  const outstandingAfter = balance.outstandingMinor + command.amount.amountMinor;
  if (outstandingAfter > contract.limit.amountMinor) {
    const currency = contract.limit.currency;
    return rejected(
      'OUTSTANDING_LIMIT_EXCEEDED',
      `Outstanding ${toDecimalText(balance.outstandingMinor, currency)} + ${toDecimalText(command.amount.amountMinor, currency)} ${currency} would exceed the limit of ${toDecimalText(contract.limit.amountMinor, currency)} ${currency}.`,
    );
  }
  return accepted(command.amount.amountMinor);
}

function whyNotActive(contract: ContractView, today: string): Rejected | undefined {
  switch (contract.status) {
    case 'ACTIVE':
      if (today > contract.expireAt) return rejected('CONTRACT_NOT_ACTIVE', `The contract's validity ended on ${contract.expireAt}.`);
      return undefined;
    case 'CREATED':
      return rejected('CONTRACT_NOT_ACTIVE', 'The contract is not activated yet.');
    case 'SUSPENDED':
      return rejected('CONTRACT_NOT_ACTIVE', 'The contract is suspended.');
    case 'TERMINATED':
      return rejected('CONTRACT_NOT_ACTIVE', 'The contract is terminated.');
    case 'EXPIRED':
      return rejected('CONTRACT_NOT_ACTIVE', 'The contract has expired.');
    default:
      return assertNever(contract.status);
  }
}

function whyMandateInvalid(mandate: MandateView | null): string | undefined {
  if (!mandate) return 'The contract has no direct-debit mandate.';
  switch (mandate.status) {
    case 'ACTIVE':
      return mandate.signedAt ? undefined : 'The direct-debit mandate is not signed.';
    case 'PENDING_SIGNATURE':
      return 'The direct-debit mandate is not signed yet.';
    case 'REVOKED':
      return `The direct-debit mandate was revoked${mandate.revokedAt ? ` on ${mandate.revokedAt}` : ''}.`;
    default:
      return assertNever(mandate.status);
  }
}

import { toDecimalText, type Money } from '@boissipay/money';
import type { ContractView } from './contract-view';
import { accepted, rejected, type Decision } from './decision';
import { whyDatedInFuture, type DecisionDay } from './operation-date';

export interface RefundCommand {
  /** ISO date of the refund in the sales system. */
  operationAt: string;
  /** orderRef of the purchase this refund gives money back on. */
  refundedOrderRef: string;
  amount: Money;
}

/** An accepted purchase of the contract, and how much of it has been refunded already. */
export interface RefundablePurchase {
  orderRef: string;
  amount: Money;
  refundedMinor: number;
}

/**
 * A refund only needs the purchase it refers to and what remains refundable on it: the
 * contract's status and mandate do not matter, a credit never hurts the customer. It is not
 * dated after today (plus the tolerance) either: it would lower the outstanding before it
 * happened.
 */
export function decideRefund(command: RefundCommand, contract: ContractView | undefined, purchase: RefundablePurchase | undefined, day: DecisionDay): Decision {
  if (!contract) return rejected('CONTRACT_UNKNOWN', 'Billing knows no contract with this reference.');
  const inFuture = whyDatedInFuture(command.operationAt, day);
  if (inFuture) return inFuture;
  if (!purchase) {
    return rejected('PURCHASE_NOT_FOUND', `The contract has no accepted purchase with orderRef ${command.refundedOrderRef}.`);
  }
  if (command.amount.currency !== purchase.amount.currency) {
    return rejected('CURRENCY_MISMATCH', `The purchase was made in ${purchase.amount.currency}, not ${command.amount.currency}.`);
  }
  const refundable = purchase.amount.amountMinor - purchase.refundedMinor;
  if (command.amount.amountMinor > refundable) {
    const currency = purchase.amount.currency;
    return rejected(
      'REFUND_EXCEEDS_PURCHASE',
      `Only ${toDecimalText(refundable, currency)} ${currency} remains refundable on purchase ${purchase.orderRef}; ${toDecimalText(command.amount.amountMinor, currency)} ${currency} asked.`,
    );
  }
  return accepted(-command.amount.amountMinor);
}

import { toDecimalText, type Money } from '@boissipay/money';
import type { ContractView } from './contract-view';
import { accepted, rejected, type Decision } from './decision';

export interface RefundCommand {
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
 * contract's status and mandate do not matter, a credit never hurts the customer.
 */
export function decideRefund(command: RefundCommand, contract: ContractView | undefined, purchase: RefundablePurchase | undefined): Decision {
  if (!contract) return rejected('CONTRACT_UNKNOWN', 'Billing knows no contract with this reference.');
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

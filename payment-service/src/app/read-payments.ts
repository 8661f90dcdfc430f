import type { CustomerScope } from '@boissipay/runtime';
import type { PaymentAction } from '../domain/operator-actions';
import type { Payment, PaymentAttempt } from '../domain/payment';
import type { Queryable } from '../infra/database';
import { findPaymentActions } from '../infra/payment-action-repository';
import { findAttempts, findPayment, searchPayments, type PaymentFilters } from '../infra/payment-repository';

/** The read side needs no domain: it reads the current rows as they are, within the caller's customer scope. */
export async function getPaymentWithAttempts(
  db: Queryable,
  paymentRef: string,
  scope: CustomerScope,
): Promise<{ payment: Payment; attempts: PaymentAttempt[]; actions: PaymentAction[] } | undefined> {
  const payment = await findPayment(db, paymentRef, scope);
  if (!payment) return undefined;
  const [attempts, actions] = await Promise.all([findAttempts(db, paymentRef), findPaymentActions(db, paymentRef)]);
  return { payment, attempts, actions };
}

export function listPayments(
  db: Queryable,
  filters: PaymentFilters,
  page: { offset: number; limit: number },
  scope: CustomerScope,
): Promise<{ payments: Payment[]; totalItems: number }> {
  return searchPayments(db, filters, page, scope);
}

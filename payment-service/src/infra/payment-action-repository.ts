import { and, asc, eq } from 'drizzle-orm';
import type { PaymentAction } from '../domain/operator-actions';
import type { PaymentTransaction, Queryable } from './database';
import { paymentActions } from './schema';

/** An action as stored: the action itself, its payment, and the client's key with its request's fingerprint. */
export interface StoredPaymentAction extends PaymentAction {
  actionId: string;
  paymentRef: string;
  idempotencyKey: string | null;
  requestHash: string;
}

/** Inserts the action; false when the client's Idempotency-Key is already taken (by a concurrent request on another payment). */
export async function insertPaymentAction(tx: PaymentTransaction, action: StoredPaymentAction): Promise<boolean> {
  const inserted = await tx.insert(paymentActions).values(action).onConflictDoNothing().returning({ actionId: paymentActions.actionId });
  return inserted.length > 0;
}

export async function findActionByIdempotencyKey(db: Queryable, requestedBy: string, idempotencyKey: string): Promise<StoredPaymentAction | undefined> {
  const [row] = await db
    .select()
    .from(paymentActions)
    .where(and(eq(paymentActions.requestedBy, requestedBy), eq(paymentActions.idempotencyKey, idempotencyKey)));
  return row;
}

export async function findPaymentActions(db: Queryable, paymentRef: string): Promise<PaymentAction[]> {
  const rows = await db.select().from(paymentActions).where(eq(paymentActions.paymentRef, paymentRef)).orderBy(asc(paymentActions.requestedAt), asc(paymentActions.actionId));
  return rows.map(({ kind, reason, requestedBy, requestedAt, bankReference, receivedOn }) => ({ kind, reason, requestedBy, requestedAt, bankReference, receivedOn }));
}

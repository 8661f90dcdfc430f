import { and, count, desc, eq, getTableColumns, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CustomerScope } from '@boissipay/runtime';
import type { ContractStatus, ContractView, MandateStatus } from '../domain/contract-view';
import type { RefundablePurchase } from '../domain/decide-refund';
import { contractOfScope, ofContractInScope } from './customer-scope-conditions';
import type { BillingTransaction, Queryable } from './database';
import { balances, contracts, creditedRefunds, invoicedOperations, invoices, operationLines, operations, uninvoicedOperations } from './schema';

/** An operation as stored: what was decided and answered. */
export type StoredOperationRow = typeof operations.$inferSelect;
/** An operation as read back: with the invoice that billed it, once invoiced, or the credit note that credited a refund of an earlier invoice. */
export type OperationRow = StoredOperationRow & { invoiceRef: string | null; creditNoteRef?: string | null };
export type NewOperationRow = typeof operations.$inferInsert;
export type NewOperationLineRow = typeof operationLines.$inferInsert;
export type ContractRow = typeof contracts.$inferSelect;
export type BalanceRow = typeof balances.$inferSelect;

/**
 * Takes the contract's balance row lock until the transaction ends, and reads the contract
 * with it in the same round trip: every decision on the contract goes through here first,
 * so they run one after the other (docs/adr/0005). The shorter the lock is held, the more
 * decisions per second one contract can take.
 */
export async function lockBalanceWithContract(tx: BillingTransaction, contractRef: string): Promise<{ balance: BalanceRow; contract: ContractRow | null } | undefined> {
  const [row] = await tx
    .select({ balance: balances, contract: contracts })
    .from(balances)
    .leftJoin(contracts, eq(contracts.contractRef, balances.contractRef))
    .where(eq(balances.contractRef, contractRef))
    .for('update', { of: balances });
  return row;
}

export async function addToOutstanding(tx: BillingTransaction, contractRef: string, deltaMinor: number, now: Date): Promise<void> {
  await tx
    .update(balances)
    .set({ outstandingMinor: sql`${balances.outstandingMinor} + ${deltaMinor}`, updatedAt: now })
    .where(eq(balances.contractRef, contractRef));
}

/** The read model's contract, unless it is outside the caller's customer scope. */
export async function findContract(db: Queryable, contractRef: string, scope: CustomerScope): Promise<ContractRow | undefined> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.contractRef, contractRef), contractOfScope(scope)));
  return row;
}

export function contractViewOf(
  row: Pick<ContractRow, 'contractRef' | 'status' | 'activatedAt' | 'expireAt' | 'mandateStatus' | 'mandateSignedAt' | 'mandateRevokedAt' | 'limitMinor' | 'limitCurrency'>,
): ContractView {
  return {
    contractRef: row.contractRef,
    status: row.status as ContractStatus,
    activatedAt: row.activatedAt,
    expireAt: row.expireAt,
    mandate: row.mandateStatus
      ? { status: row.mandateStatus as MandateStatus, signedAt: row.mandateSignedAt, revokedAt: row.mandateRevokedAt }
      : null,
    limit: { amountMinor: row.limitMinor, currency: row.limitCurrency },
  };
}

/** The contract's accepted purchase with this orderRef, and what its accepted refunds already gave back. */
export async function findRefundablePurchase(tx: BillingTransaction, contractRef: string, orderRef: string): Promise<RefundablePurchase | undefined> {
  const [purchase] = await tx
    .select({ orderRef: operations.orderRef, amountMinor: operations.totalWithTaxMinor, currency: operations.currency })
    .from(operations)
    .where(and(eq(operations.contractRef, contractRef), eq(operations.orderRef, orderRef), eq(operations.type, 'PURCHASE'), eq(operations.status, 'ACCEPTED')));
  if (!purchase) return undefined;
  const [refunded] = await tx
    .select({ totalMinor: sql<string>`coalesce(sum(${operations.totalWithTaxMinor}), 0)` })
    .from(operations)
    .where(
      and(eq(operations.contractRef, contractRef), eq(operations.refundedOrderRef, orderRef), eq(operations.type, 'REFUND'), eq(operations.status, 'ACCEPTED')),
    );
  return { orderRef: purchase.orderRef, amount: { amountMinor: purchase.amountMinor, currency: purchase.currency }, refundedMinor: Number(refunded?.totalMinor ?? 0) };
}

/**
 * The earlier operation a submission repeats, if any: the one its client sent with its
 * Idempotency-Key (keys are per client), else the one with its (contractRef, orderRef, type).
 * One query, both indexes.
 */
export async function findPreviousSubmission(
  db: Queryable,
  key: { idempotencyKey: string | null; submittedBy: string; contractRef: string; orderRef: string; type: 'PURCHASE' | 'REFUND' },
): Promise<{ row: StoredOperationRow; matchedBy: 'key' | 'order' } | undefined> {
  const sameOrder = and(eq(operations.contractRef, key.contractRef), eq(operations.orderRef, key.orderRef), eq(operations.type, key.type));
  const sameKey = key.idempotencyKey ? and(eq(operations.submittedBy, key.submittedBy), eq(operations.idempotencyKey, key.idempotencyKey)) : undefined;
  const rows = await db
    .select()
    .from(operations)
    .where(sameKey ? or(sameKey, sameOrder) : sameOrder);
  const byKey = sameKey ? rows.find((row) => row.idempotencyKey === key.idempotencyKey && row.submittedBy === key.submittedBy) : undefined;
  if (byKey) return { row: byKey, matchedBy: 'key' };
  const [byOrder] = rows;
  return byOrder ? { row: byOrder, matchedBy: 'order' } : undefined;
}

export async function insertOperation(tx: BillingTransaction, operation: NewOperationRow, lines: readonly Omit<NewOperationLineRow, 'operationId'>[]): Promise<void> {
  await tx.insert(operations).values(operation);
  if (lines.length > 0) await tx.insert(operationLines).values(lines.map((line) => ({ ...line, operationId: operation.operationId })));
  if (operation.status === 'ACCEPTED') {
    await tx.insert(uninvoicedOperations).values({ contractRef: operation.contractRef, operationAt: operation.operationAt, operationId: operation.operationId });
  }
}

/** An operation's row in invoiced_operations, by that table's key: contract and operation, both on every operation row. */
const invoiceLinkOfOperation = and(eq(invoicedOperations.contractRef, operations.contractRef), eq(invoicedOperations.operationId, operations.operationId));

/** Operations with the invoice that billed them, or the credit note that credited them (a refund of an earlier invoice), if any. */
function selectOperationsWithInvoice(db: Queryable) {
  return db
    .select({ ...getTableColumns(operations), invoiceRef: invoicedOperations.invoiceRef, creditNoteRef: creditedRefunds.creditNoteRef })
    .from(operations)
    .leftJoin(invoicedOperations, invoiceLinkOfOperation)
    .leftJoin(creditedRefunds, and(eq(creditedRefunds.contractRef, operations.contractRef), eq(creditedRefunds.operationId, operations.operationId)));
}

/** The operation, unless its contract is outside the caller's customer scope. */
export async function findOperation(db: Queryable, operationId: string, scope: CustomerScope): Promise<OperationRow | undefined> {
  const [row] = await selectOperationsWithInvoice(db).where(and(eq(operations.operationId, operationId), ofContractInScope(scope, operations.contractRef)));
  return row;
}

export interface OperationFilters {
  contractRef?: string;
  invoiceRef?: string;
  status?: 'ACCEPTED' | 'REJECTED';
  type?: 'PURCHASE' | 'REFUND';
  from?: string;
  to?: string;
}

/** Newest decisions first; the id breaks ties so pages never overlap. */
export async function listOperations(
  db: Queryable,
  filters: OperationFilters,
  page: { limit: number; offset: number },
  scope: CustomerScope,
): Promise<{ rows: OperationRow[]; total: number }> {
  const conditions: Array<SQL | undefined> = [ofContractInScope(scope, operations.contractRef)];
  if (filters.contractRef) conditions.push(eq(operations.contractRef, filters.contractRef));
  // Through the invoice's id, which the link table is indexed by.
  if (filters.invoiceRef) conditions.push(sql`${invoicedOperations.invoiceId} = (select ${invoices.invoiceId} from ${invoices} where ${invoices.invoiceRef} = ${filters.invoiceRef})`);
  if (filters.status) conditions.push(eq(operations.status, filters.status));
  if (filters.type) conditions.push(eq(operations.type, filters.type));
  if (filters.from) conditions.push(gte(operations.operationAt, filters.from));
  if (filters.to) conditions.push(lte(operations.operationAt, filters.to));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectOperationsWithInvoice(db).where(where).orderBy(desc(operations.decidedAt), desc(operations.operationId)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(operations).leftJoin(invoicedOperations, invoiceLinkOfOperation).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}

export interface OperationCounts {
  acceptedPurchases: number;
  acceptedRefunds: number;
  rejected: number;
}

export async function countOperations(db: Queryable, contractRef: string): Promise<OperationCounts> {
  const rows = await db
    .select({ type: operations.type, status: operations.status, total: count() })
    .from(operations)
    .where(eq(operations.contractRef, contractRef))
    .groupBy(operations.type, operations.status);
  const totalOf = (match: (row: (typeof rows)[number]) => boolean) => rows.filter(match).reduce((sum, row) => sum + row.total, 0);
  return {
    acceptedPurchases: totalOf((row) => row.status === 'ACCEPTED' && row.type === 'PURCHASE'),
    acceptedRefunds: totalOf((row) => row.status === 'ACCEPTED' && row.type === 'REFUND'),
    rejected: totalOf((row) => row.status === 'REJECTED'),
  };
}

export async function findBalance(db: Queryable, contractRef: string): Promise<BalanceRow | undefined> {
  const [row] = await db.select().from(balances).where(eq(balances.contractRef, contractRef));
  return row;
}

import { and, asc, count, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { customerScopeCondition, type CustomerScope } from '@boissipay/runtime';
import type { Contract, ContractStatus, IsoDate } from '../domain/contract';
import { MANDATE_UNUSED_MONTHS } from '../domain/mandate-expiry';
import type { ContractTransaction, Queryable } from './database';
import { contractRefSequence, contracts, MANDATE_REF_UNIQUE } from './schema';

type ContractRow = typeof contracts.$inferSelect;

/** The next human reference, e.g. CTR-2026-000123: the year it was made, then a number from a sequence. */
export async function nextContractRef(tx: ContractTransaction, year: string): Promise<string> {
  const result = await tx.execute<{ value: string }>(sql`select nextval(${contractRefSequence.seqName}) as value`);
  const value = result.rows[0]?.value;
  if (value === undefined) throw new Error('contract_ref_seq returned no value');
  return `CTR-${year}-${String(value).padStart(6, '0')}`;
}

/** The other contract whose mandate has this reference (RUM), if any. */
export async function findContractRefByMandateRef(db: Queryable, mandateRef: string, exceptContractId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ contractRef: contracts.contractRef })
    .from(contracts)
    .where(and(sql`${contracts.mandate}->>'mandateRef' = ${mandateRef}`, sql`${contracts.contractId} <> ${exceptContractId}`))
    .limit(1);
  return row?.contractRef;
}

/** Whether `error` is the unique index on mandate references refusing a second contract with the same RUM (a lost race). */
export function isMandateRefTaken(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505' && constraint === MANDATE_REF_UNIQUE) return true;
  }
  return false;
}

export async function insertContract(tx: ContractTransaction, contract: Contract): Promise<void> {
  await tx.insert(contracts).values(rowOf(contract));
}

/** Writes the contract's new state; the caller holds its row lock (findContractForUpdate). */
export async function updateContract(tx: ContractTransaction, contract: Contract): Promise<void> {
  const { contractId: _id, contractRef: _ref, recordedAt: _recorded, ...changes } = rowOf(contract);
  await tx
    .update(contracts)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(contracts.contractId, contract.contractId));
}

/**
 * Loads and locks the contract until the transaction ends, so changes of one contract take turns.
 * A contract outside the caller's customer scope is not found (and not locked).
 */
export async function findContractForUpdate(tx: ContractTransaction, contractRef: string, scope: CustomerScope): Promise<Contract | undefined> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.contractRef, contractRef), customerScopeCondition(scope, contracts.customerRef)))
    .for('update');
  return row && contractOf(row);
}

/** The contract, unless it is outside the caller's customer scope. */
export async function findContract(db: Queryable, contractRef: string, scope: CustomerScope): Promise<Contract | undefined> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.contractRef, contractRef), customerScopeCondition(scope, contracts.customerRef)));
  return row && contractOf(row);
}

export interface ContractFilters {
  status?: ContractStatus;
  customerRef?: string;
  subscriberRef?: string;
}

/** One page of the matching contracts in contractRef order, and how many match in all. */
export async function searchContracts(
  db: Queryable,
  filters: ContractFilters,
  page: { offset: number; limit: number },
  scope: CustomerScope,
): Promise<{ contracts: Contract[]; totalItems: number }> {
  const conditions: Array<SQL | undefined> = [customerScopeCondition(scope, contracts.customerRef)];
  if (filters.status) conditions.push(eq(contracts.status, filters.status));
  if (filters.customerRef) conditions.push(eq(contracts.customerRef, filters.customerRef));
  if (filters.subscriberRef) conditions.push(eq(contracts.subscriberRef, filters.subscriberRef));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db.select().from(contracts).where(where).orderBy(asc(contracts.contractRef)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(contracts).where(where),
  ]);
  return { contracts: rows.map(contractOf), totalItems: total?.value ?? 0 };
}

/** References of the contracts still ACTIVE or SUSPENDED whose last valid day is before `today`. */
export async function findExpiredContractRefs(db: Queryable, today: IsoDate): Promise<string[]> {
  const rows = await db
    .select({ contractRef: contracts.contractRef })
    .from(contracts)
    .where(and(inArray(contracts.status, ['ACTIVE', 'SUSPENDED']), lt(contracts.expireAt, today)))
    .orderBy(asc(contracts.contractRef));
  return rows.map((row) => row.contractRef);
}

/**
 * References of the open contracts whose ACTIVE mandate has had no collection for 36 months
 * (since its signature if never used) by `today`: PostgreSQL's month arithmetic ends at the end
 * of a shorter month, as domain/mandate-expiry.ts does.
 */
export async function findLapsedMandateContractRefs(db: Queryable, today: IsoDate): Promise<string[]> {
  const lastUse = sql`coalesce((${contracts.mandate}->>'lastCollectedOn')::date, (${contracts.mandate}->>'signedAt')::date)`;
  const rows = await db
    .select({ contractRef: contracts.contractRef })
    .from(contracts)
    .where(
      and(
        inArray(contracts.status, ['CREATED', 'ACTIVE', 'SUSPENDED']),
        sql`${contracts.mandate}->>'status' = 'ACTIVE'`,
        sql`${lastUse} + make_interval(months => ${MANDATE_UNUSED_MONTHS}) <= ${today}::date`,
      ),
    )
    .orderBy(asc(contracts.contractRef));
  return rows.map((row) => row.contractRef);
}

/**
 * Notes a successful collection on the mandate it was made on, if that is still the contract's
 * (a debit on a mandate since replaced says nothing of the new one). Not a lifecycle change:
 * no version, no event; it only moves the day the mandate would lapse.
 */
export async function recordMandateCollection(tx: ContractTransaction, contractRef: string, mandateRef: string, collectedOn: IsoDate): Promise<void> {
  await tx
    .update(contracts)
    .set({ mandate: sql`jsonb_set(${contracts.mandate}, '{lastCollectedOn}', to_jsonb(${collectedOn}::text))` })
    .where(
      and(
        eq(contracts.contractRef, contractRef),
        sql`${contracts.mandate}->>'mandateRef' = ${mandateRef}`,
        sql`coalesce(${contracts.mandate}->>'lastCollectedOn', '') < ${collectedOn}`,
      ),
    );
}

function rowOf(contract: Contract): typeof contracts.$inferInsert {
  const { outstandingLimit, ...rest } = contract;
  return {
    ...rest,
    subscriberRef: contract.subscriber.subscriberRef,
    customerRef: contract.subscriber.party?.customerRef ?? null,
    limitAmountMinor: outstandingLimit.amountMinor,
    limitCurrency: outstandingLimit.currency,
  };
}

function contractOf(row: ContractRow): Contract {
  return {
    contractId: row.contractId,
    contractRef: row.contractRef,
    version: row.version,
    status: row.status,
    statusReason: row.statusReason,
    productRef: row.productRef,
    contractType: row.contractType,
    createdAt: row.createdAt,
    signedAt: row.signedAt,
    activatedAt: row.activatedAt,
    expireAt: row.expireAt,
    terminatedAt: row.terminatedAt,
    distributor: row.distributor,
    subscriber: row.subscriber,
    mandate: row.mandate,
    outstandingLimit: { amountMinor: row.limitAmountMinor, currency: row.limitCurrency },
    billingContact: row.billingContact,
    language: row.language,
  };
}

/** How many contracts are in each status (the contracts_status_idx index answers it). */
export async function countContractsByStatus(db: Queryable): Promise<Array<{ status: ContractStatus; contracts: number }>> {
  return db.select({ status: contracts.status, contracts: count() }).from(contracts).groupBy(contracts.status);
}

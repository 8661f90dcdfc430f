import { getTableColumns, sql } from 'drizzle-orm';
import type { contractLifecycleV1Event } from '@boissipay/contracts';
import type { BillingTransaction } from './database';
import { balances, contracts } from './schema';

type ContractLifecycleEvent = contractLifecycleV1Event.ContractLifecycleEvent;
type ContractRow = typeof contracts.$inferInsert;

/** The read-model row an event describes: the whole contract after the event. */
export function contractRowOf(event: ContractLifecycleEvent): ContractRow {
  const { contract } = event;
  return {
    contractRef: event.contractRef,
    contractId: contract.contractId,
    productRef: contract.productRef,
    contractType: contract.contractType,
    status: contract.status,
    createdOn: contract.createdAt,
    signedOn: contract.signedAt,
    activatedAt: contract.activatedAt,
    expireAt: contract.expireAt,
    terminatedAt: contract.terminatedAt,
    mandateRef: contract.mandate?.mandateRef ?? null,
    mandateStatus: contract.mandate?.status ?? null,
    mandateSignedAt: contract.mandate?.signedAt ?? null,
    mandateRevokedAt: contract.mandate?.revokedAt ?? null,
    mandateIban: contract.mandate?.iban ?? null,
    mandateBic: contract.mandate?.bic ?? null,
    limitMinor: contract.outstandingLimit.amountMinor,
    limitCurrency: contract.outstandingLimit.currency,
    subscriber: contract.subscriber,
    distributorRef: contract.distributorRef,
    billingContact: contract.billingContact,
    billingAddress: contract.billingAddress,
    language: contract.language,
    version: event.version,
    lastEventId: event.eventId,
    lastEventType: event.type,
    lastEventAt: event.occurredAt,
  };
}

// Every column but the key takes the incoming value: the event carries the full state.
const takeIncoming = Object.fromEntries(
  Object.entries(getTableColumns(contracts))
    .filter(([property]) => property !== 'contractRef')
    .map(([property, column]) => [property, sql.raw(`excluded.${column.name}`)]),
);

/**
 * Applies one contract.lifecycle.v1 event. The highest version wins whatever the order of
 * arrival, so an old event redelivered late changes nothing and a replay of the whole topic
 * gives the same rows. The contract's balance row is created with it, so a decision always
 * has a row to lock.
 */
export async function projectContractEvent(tx: BillingTransaction, event: ContractLifecycleEvent): Promise<void> {
  const row = contractRowOf(event);
  await tx
    .insert(contracts)
    .values(row)
    .onConflictDoUpdate({ target: contracts.contractRef, set: takeIncoming, setWhere: sql`${contracts.version} < excluded.version` });
  await tx.insert(balances).values({ contractRef: row.contractRef, currency: row.limitCurrency }).onConflictDoNothing();
}

import { contractLifecycleV1Event } from '@boissipay/contracts';
import { currentCorrelationId, transactionalOutbox } from '@boissipay/runtime';
import type { Change } from '../domain/contract';
import { lifecycleEventOf } from '../events/contract-lifecycle-event';
import type { ContractTransaction } from '../infra/database';

/**
 * Queues the event announcing `change` in the transaction that stores it: both commit or
 * neither. `causationId`: the eventId of the event that caused the change, if one did;
 * `changedBy`: the subject who asked for it.
 */
export async function enqueueLifecycleEvent(
  tx: ContractTransaction,
  change: Change,
  { now, newId, changedBy, causationId = null }: { now: Date; newId: () => string; changedBy: string; causationId?: string | null },
): Promise<void> {
  const event = lifecycleEventOf(change, { eventId: newId(), occurredAt: now, correlationId: currentCorrelationId() ?? null, causationId, changedBy });
  await transactionalOutbox.enqueue(tx, contractLifecycleV1Event.eventTopic, { key: change.contract.contractRef, event });
}

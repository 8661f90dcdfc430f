import { randomUUID } from 'node:crypto';
import { currentCorrelationId, enqueueEvent } from '@boissipay/runtime';
import type { Change } from '../domain/contract';
import { lifecycleEventOf, lifecycleTopic } from '../events/contract-lifecycle-event';
import type { ContractTransaction } from '../infra/database';

/** Queues the event announcing `change` in the transaction that stores it: both commit or neither. */
export async function enqueueLifecycleEvent(tx: ContractTransaction, change: Change, now: Date): Promise<void> {
  const event = lifecycleEventOf(change, { eventId: randomUUID(), occurredAt: now, correlationId: currentCorrelationId() ?? null });
  await enqueueEvent(tx, { topic: lifecycleTopic, key: change.contract.contractRef, event });
}

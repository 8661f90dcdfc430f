import type { Database, Transaction } from '../../db/database';
import { processedEvents } from '../../db/processed-events.table';

/**
 * Marks the event processed and applies its effect in one transaction. When the mark
 * already exists the event was applied before (redelivery) and `effect` is skipped; when
 * `effect` throws, the mark rolls back with it so a retry starts from scratch.
 */
export async function applyOnce<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  mark: { consumerGroup: string; eventId: string; topic: string },
  effect: (tx: Transaction<TSchema>) => Promise<void>,
): Promise<'applied' | 'duplicate'> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values(mark)
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (inserted.length === 0) return 'duplicate';
    await effect(tx);
    return 'applied';
  });
}

import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The eventIds a consumer group has already applied, inserted in the same transaction as
 * the effect: a redelivered event finds its row and is skipped.
 */
export const processedEvents = pgTable(
  'processed_events',
  {
    consumerGroup: text('consumer_group').notNull(),
    eventId: uuid('event_id').notNull(),
    topic: text('topic').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.consumerGroup, table.eventId] })],
);

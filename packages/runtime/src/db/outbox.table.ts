import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Events waiting to be published, written in the same transaction as the state change that
 * caused them. `payload` is the event as plain JSON; it is encoded to Avro only when the
 * relay publishes it, with the schema the publishing service registered.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    topic: text('topic').notNull(),
    messageKey: text('message_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * Set when Kafka refused the event for good (too large, or a payload its schema cannot
     * encode): the relay passes over it instead of retrying it for ever. Clearing it (after
     * raising the topic's limit, or fixing the payload) has the relay publish it again.
     */
    quarantinedAt: timestamp('quarantined_at', { withTimezone: true }),
    quarantineReason: text('quarantine_reason'),
  },
  // The relay only ever looks for unpublished rows; published ones pile up and must not slow it.
  // Quarantined rows stay in the index: they are few, and filtered on the way.
  (table) => [index('outbox_pending_idx').on(table.id).where(sql`${table.publishedAt} is null`)],
);

export type OutboxRow = typeof outbox.$inferSelect;

import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A short summary of the fields a change touched: values only, never a whole row, personal data or secrets. */
export type AuditSummary = Record<string, unknown>;

/**
 * Who changed what, when and why: one row per state change, written in the transaction of the
 * change itself (recordAuditEvent), so there is never a change without its row nor a row
 * without its change. Rows are only ever inserted.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** Insertion order: ties on `occurredAt` are broken by it, so pages never overlap. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    auditEventId: uuid('audit_event_id').notNull().unique().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorScopes: text('actor_scopes').array().notNull(),
    /** The request's correlation id (x-correlation-id), also on the events the change published. */
    requestId: text('request_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    before: jsonb('before').$type<AuditSummary>(),
    after: jsonb('after').$type<AuditSummary>(),
  },
  (table) => [
    index('audit_events_entity_idx').on(table.entityType, table.entityId, table.occurredAt, table.id),
    index('audit_events_occurred_at_idx').on(table.occurredAt, table.id),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;

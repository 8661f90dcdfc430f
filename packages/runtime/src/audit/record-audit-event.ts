import type { Database } from '../db/database';
import { auditEvents, type AuditSummary } from './audit-events.table';

/** Who made a change: the subject and scopes of the token that asked for it, or a `system:` subject. */
export interface AuditActor {
  subject: string;
  scopes: readonly string[];
}

/** Who asked, and under which request id (the correlation id): what the HTTP edge hands a use case. */
export interface AuditContext {
  actor: AuditActor;
  requestId: string;
}

export interface AuditEntry extends AuditContext {
  /** When the change happened, from the service's injected clock (the same instant the change records). */
  occurredAt: Date;
  /** What kind of thing changed, e.g. `contract`, `operation`, `billing-run`. */
  entityType: string;
  entityId: string;
  /** What was done, e.g. `ACTIVATE`, `SUBMIT_PURCHASE`. */
  action: string;
  reason?: string | null;
  before?: AuditSummary | null;
  after?: AuditSummary | null;
}

/** What recording needs from the caller's transaction, whatever its schema (as the outbox's writer). */
export type AuditWriter = Pick<Database, 'insert'>;

/**
 * Records one audited change inside the caller's transaction: call it in the transaction
 * that makes the change, so both commit or neither does. Write nothing for a replay that
 * changes nothing.
 */
export async function recordAuditEvent(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditEventRowOf(entry));
}

/** The row recording an audited change: for a writer that inserts it within a statement of its own, in the change's transaction all the same. */
export function auditEventRowOf(entry: AuditEntry): typeof auditEvents.$inferInsert {
  return {
    occurredAt: entry.occurredAt,
    actorSubject: entry.actor.subject,
    actorScopes: [...entry.actor.scopes],
    requestId: entry.requestId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    reason: entry.reason ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/** The actor of a change the service makes by itself (a schedule, a consumer), e.g. `system:contract-expiry`. */
export function systemActor(name: string): AuditActor {
  return { subject: `system:${name}`, scopes: [] };
}

/**
 * The fields of `after` whose value differs from `before`, each side limited to them: the
 * before/after summary of an update. Values are compared as JSON.
 */
export function changedFieldsOf(before: AuditSummary, after: AuditSummary): { before: AuditSummary; after: AuditSummary } {
  const changed = Object.keys({ ...before, ...after }).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
  };
}

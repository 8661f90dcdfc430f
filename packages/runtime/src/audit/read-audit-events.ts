import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database';
import { auditEvents, type AuditEventRow } from './audit-events.table';

export interface AuditEventFilters {
  entityType?: string;
  entityId?: string;
  /** Earliest occurredAt, inclusive. */
  from?: Date;
  /** Latest occurredAt, exclusive: consecutive windows neither overlap nor leave a gap. */
  to?: Date;
}

export type AuditReader = Pick<Database, 'select'>;

/** One page of the matching audit events, newest first (ties in insertion order, newest first), and how many match in all. */
export async function listAuditEvents(
  db: AuditReader,
  filters: AuditEventFilters,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filters.entityType) conditions.push(eq(auditEvents.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditEvents.entityId, filters.entityId));
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, filters.from));
  if (filters.to) conditions.push(lt(auditEvents.occurredAt, filters.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

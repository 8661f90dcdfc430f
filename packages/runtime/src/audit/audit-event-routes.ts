import type { Response, Router } from 'express';
import { principalOf } from '../http/auth/principal';
import { correlationIdOf } from '../http/middleware/correlation-id';
import { pageMetadataOf, pageRequestOf, type PageMetadata } from '../http/pagination';
import type { AuditEventRow, AuditSummary } from './audit-events.table';
import type { AuditContext } from './record-audit-event';
import { listAuditEvents, type AuditReader } from './read-audit-events';

/** An audit event as every service's `GET /v1/audit-events` returns it (the AuditEvent schema of each spec). */
export interface AuditEventResponse {
  auditEventId: string;
  occurredAt: string;
  actor: { subject: string; scopes: string[] };
  requestId: string;
  entityType: string;
  entityId: string;
  action: string;
  reason?: string;
  before?: AuditSummary;
  after?: AuditSummary;
}

export const AUDIT_EVENTS_PATH = '/v1/audit-events';

/**
 * Who asked for the request being served: the verified token's subject and scopes and the
 * request's correlation id. A handler passes it to its use case, which records it with the change.
 */
export function auditContextOf(res: Response): AuditContext {
  const { subject, scopes } = principalOf(res);
  return { actor: { subject, scopes }, requestId: correlationIdOf(res) };
}

/** `GET /v1/audit-events`, the same in every service; the spec has checked the token, its scope and the query. */
export function mountAuditEventRoutes(router: Router, db: AuditReader): void {
  router.get(AUDIT_EVENTS_PATH, async (req, res: Response<{ auditEvents: AuditEventResponse[]; metadata: PageMetadata }>) => {
    const query = req.query as Record<string, string | undefined>;
    const page = pageRequestOf(query);
    const { rows, total } = await listAuditEvents(
      db,
      {
        entityType: query.entityType,
        entityId: query.entityId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      { offset: page.offset, limit: page.pageSize },
    );
    res.json({ auditEvents: rows.map(auditEventResponseOf), metadata: pageMetadataOf(page, req.originalUrl, rows.length, total) });
  });
}

function auditEventResponseOf(row: AuditEventRow): AuditEventResponse {
  return {
    auditEventId: row.auditEventId,
    occurredAt: row.occurredAt.toISOString(),
    actor: { subject: row.actorSubject, scopes: row.actorScopes },
    requestId: row.requestId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.before !== null ? { before: row.before } : {}),
    ...(row.after !== null ? { after: row.after } : {}),
  };
}

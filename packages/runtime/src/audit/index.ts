export { AUDIT_EVENTS_PATH, auditContextOf, mountAuditEventRoutes, type AuditEventResponse } from './audit-event-routes';
export { auditEvents, type AuditEventRow, type AuditSummary } from './audit-events.table';
export { listAuditEvents, type AuditEventFilters } from './read-audit-events';
export { auditEventRowOf, changedFieldsOf, recordAuditEvent, systemActor, type AuditActor, type AuditContext, type AuditEntry, type AuditWriter } from './record-audit-event';
